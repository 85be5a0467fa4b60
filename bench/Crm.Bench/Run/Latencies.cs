namespace Crm.Bench.Run;

/// <summary>Milliseconds of many runs of one thing: p50, p95 and max.</summary>
public sealed class Latencies
{
    readonly List<double> _values = [];

    public void Add(double ms) { lock (_values) _values.Add(ms); }
    public int Count => _values.Count;
    public double P50 => Percentile(0.50);
    public double P95 => Percentile(0.95);
    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    double Percentile(double p)
    {
        if (_values.Count == 0) return double.NaN;
        var sorted = _values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
