using System.Globalization;
using System.Net;
using System.Text;
using Crm.Host.Clients;
using Microsoft.AspNetCore.Html;

namespace Crm.Host.Reports;

/// <summary>A horizontal bar chart as inline SVG, drawn on the server: charts need no script and nothing from outside.</summary>
public static class SvgBarChart
{
    const int RowHeight = 22, LabelWidth = 170, BarWidth = 320;

    public static IHtmlContent Render(string title, IReadOnlyList<ReportBar> bars)
    {
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Count));
        var html = new StringBuilder();
        var caption = WebUtility.HtmlEncode(title);
        html.Append(CultureInfo.InvariantCulture,
            $"<figure class=\"chart\"><figcaption>{caption}</figcaption><svg role=\"img\" aria-label=\"{caption}\" width=\"{LabelWidth + BarWidth + 60}\" height=\"{bars.Count * RowHeight + 4}\" xmlns=\"http://www.w3.org/2000/svg\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var width = bars[i].Count * BarWidth / max;
            var y = i * RowHeight;
            html.Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{y + 15}\" font-size=\"12\">{WebUtility.HtmlEncode(bars[i].Label)}</text>" +
                $"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{width}\" height=\"{RowHeight - 6}\" fill=\"#2456c5\"></rect>" +
                $"<text x=\"{LabelWidth + width + 6}\" y=\"{y + 15}\" font-size=\"12\" class=\"value\">{bars[i].Count}</text>");
        }
        html.Append("</svg></figure>");
        return new HtmlString(html.ToString());
    }
}
