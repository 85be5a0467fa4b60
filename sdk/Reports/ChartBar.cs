namespace Crm.Sdk.Reports;

/// <summary>One bar of a chart: its label, its length, and the text shown at its end (the value itself when null).</summary>
public sealed record ChartBar(string Label, decimal Value, string? Text = null);
