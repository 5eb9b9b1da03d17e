using ScottPlot;

namespace SofSBot.Export;

/// <summary>One bar series of a grouped bar chart: a name and a value per category (null = not shown).</summary>
internal sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>The report's charts as PNG, drawn headless with ScottPlot (SkiaSharp).</summary>
internal static class ReportCharts
{
    private const int Width = 960;
    private const int Height = 420;

    /// <summary>Grouped vertical bars: one group per category, one bar per series; an optional target line.</summary>
    public static byte[] GroupedBars(
        IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series, double axisMax, double? target = null, Func<double, string>? label = null)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        var groupWidth = series.Count + 1;
        for (var s = 0; s < series.Count; s++)
        {
            for (var c = 0; c < categories.Count; c++)
            {
                if (series[s].Values[c] is { } value)
                {
                    bars.Add(new Bar
                    {
                        Position = (c * groupWidth) + s,
                        Value = value,
                        FillColor = palette.GetColor(s),
                        Label = label?.Invoke(value) ?? string.Empty,
                    });
                }
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = palette.GetColor(s) });
        }

        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 11;
        var ticks = categories.Select((name, c) => new Tick((c * groupWidth) + ((series.Count - 1) / 2.0), Wrap(name), isMajor: true)).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.Axes.SetLimitsY(0, axisMax);
        plot.Axes.SetLimitsX(-1, Math.Max(1, (categories.Count * groupWidth) - 1));
        if (target is { } line)
        {
            var targetLine = plot.Add.HorizontalLine(line);
            targetLine.LineColor = Colors.DarkRed;
            targetLine.LinePattern = LinePattern.Dashed;
        }

        plot.Legend.IsVisible = series.Count > 1;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>Horizontal bars, one per category, e.g. teams.</summary>
    public static byte[] HorizontalBars(IReadOnlyList<string> categories, IReadOnlyList<double> values, double axisMax)
    {
        var plot = new Plot();
        var bars = values.Select((value, i) => new Bar
        {
            Position = categories.Count - 1 - i,
            Value = value,
            FillColor = Colors.SteelBlue,
            Label = value.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("sv-SE")),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. categories.Select((name, i) => new Tick(categories.Count - 1 - i, name, isMajor: true))]);
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.SetLimitsX(0, axisMax);
        plot.Axes.SetLimitsY(-0.7, Math.Max(0.7, categories.Count - 0.3));
        return plot.GetImageBytes(Width, Math.Max(200, 60 + (categories.Count * 34)), ImageFormat.Png);
    }

    // Long goal titles break over lines so the tick labels stay readable.
    private static string Wrap(string text)
    {
        const int MaxLine = 16;
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > MaxLine)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        lines.Add(line);
        return string.Join('\n', lines.Take(3));
    }
}
