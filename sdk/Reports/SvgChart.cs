using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Crm.Sdk.Reports;

/// <summary>
/// Charts drawn on the server as inline SVG, so that reports need no script and load nothing from outside (no CDN).
/// The host and every module draw their charts with these, so they look alike.
/// </summary>
public static class SvgChart
{
    const int RowHeight = 22, LabelWidth = 170, BarWidth = 320;

    /// <summary>A horizontal bar chart, bars left-aligned, the longest bar full width.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<ChartBar> bars) => Draw(title, bars, centred: false);

    /// <summary>A funnel: the same bars centred, so that each step narrows from the one before.</summary>
    public static IHtmlContent Funnel(string title, IReadOnlyList<ChartBar> steps) => Draw(title, steps, centred: true);

    static HtmlString Draw(string title, IReadOnlyList<ChartBar> bars, bool centred)
    {
        var max = bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), 0.000001m);
        var html = new StringBuilder();
        var caption = WebUtility.HtmlEncode(title);
        html.Append(CultureInfo.InvariantCulture,
            $"<figure class=\"chart\"><figcaption>{caption}</figcaption><svg role=\"img\" aria-label=\"{caption}\" width=\"{LabelWidth + BarWidth + 90}\" height=\"{bars.Count * RowHeight + 4}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var width = (int)Math.Round(Math.Max(0, bars[i].Value) * BarWidth / max);
            var x = centred ? LabelWidth + (BarWidth - width) / 2 : LabelWidth;
            var y = i * RowHeight;
            var text = bars[i].Text ?? bars[i].Value.ToString("0.##", CultureInfo.CurrentCulture);
            html.Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{WebUtility.HtmlEncode(bars[i].Label)}</text>" +
                $"<rect x=\"{x}\" y=\"{y + 3}\" width=\"{width}\" height=\"{RowHeight - 6}\" fill=\"#2456c5\"></rect>" +
                $"<text x=\"{(centred ? LabelWidth + BarWidth : x + width) + 6}\" y=\"{y + 15}\" font-size=\"12\" class=\"value\">{WebUtility.HtmlEncode(text)}</text>");
        }
        html.Append("</svg></figure>");
        return new HtmlString(html.ToString());
    }
}
