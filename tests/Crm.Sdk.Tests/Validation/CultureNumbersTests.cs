using System.Globalization;
using Crm.Sdk.Validation;

namespace Crm.Sdk.Tests.Validation;

public sealed class CultureNumbersTests
{
    [Theory]
    [InlineData("en", "1250.50", "1250.50")]
    [InlineData("en", "1,250.50", "1250.50")]
    [InlineData("en", "12,345,678", "12345678")]
    [InlineData("en", "-0.5", "-0.5")]
    [InlineData("en", " .5 ", "0.5")]
    [InlineData("ru", "1250,50", "1250.50")]
    [InlineData("ru", "1 250,50", "1250.50")]
    [InlineData("ru", "1\u00A0250,50", "1250.50")]
    [InlineData("ru", "1250.50", "1250.50")]
    [InlineData("ru", "\u22121 000", "-1000")]
    [InlineData("pl", "12 500,5", "12500.5")]
    [InlineData("de", "1.250,50", "1250.50")]
    public void ReadsANumberAsTheCultureWritesIt(string culture, string text, string expected)
    {
        Assert.True(CultureNumbers.TryParse(text, CultureInfo.GetCultureInfo(culture), out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("en", "1250,50")] // a Russian decimal comma in an English form: .NET alone would read 125050
    [InlineData("en", "1,25")]
    [InlineData("en", "1,2345.6")]
    [InlineData("en", "1.250.50")]
    [InlineData("ru", "1,250.50")]
    [InlineData("ru", "12 50,5")]
    [InlineData("de", "1250.50")] // a point in German groups thousands; here it groups nothing
    [InlineData("en", "12abc")]
    [InlineData("en", "1e5")]
    [InlineData("en", "")]
    [InlineData("en", "-")]
    [InlineData("en", "1.")]
    [InlineData("en", "99999999999999999999999999999999")]
    public void RefusesWhatTheCultureWouldNotWrite(string culture, string text)
    {
        Assert.False(CultureNumbers.TryParse(text, CultureInfo.GetCultureInfo(culture), out _));
    }
}
