using System.Text;
using System.Text.RegularExpressions;
using SofSBot.Export;
using SofSBot.Localization;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Export;

/// <summary>The follow-up report on <see cref="ExportDataset"/>: one HTML file that needs nothing else.</summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class FollowUpReportTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Report_is_self_contained_html_that_prints()
    {
        var html = await ReportAsync(Language.Swedish);

        Assert.StartsWith("<!DOCTYPE html><html lang=\"sv\">", html, StringComparison.Ordinal);
        // Nothing is fetched: no scripts, no style sheets, no image or font from an address.
        Assert.DoesNotMatch("(src|href)=\"(?!data:)", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        Assert.Contains("break-inside: avoid", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Charts_are_embedded_png_images()
    {
        var html = await ReportAsync(Language.Swedish);

        var images = ImageSource().Matches(html).Select(match => Convert.FromBase64String(match.Groups[1].Value)).ToList();
        // Share per goal (2025 vår), goals over time (2024 vår and 2025 vår), teams of 2025 vår.
        Assert.Equal(3, images.Count);
        Assert.All(images, png =>
        {
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
            Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
            Assert.Equal(960, (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19]);
            Assert.True(png.Length > 5_000, "a chart with bars, axes and text is more than a blank image");
        });
    }

    [Fact]
    public async Task Report_shows_the_figures_against_the_year_before_and_the_target()
    {
        var html = await ReportAsync(Language.Swedish);

        // Organisation goals of 2025 vår: approach 7, 8, 6, 9 (team 1) and 5, 6 (team 2); the total less
        // team 1 would give team 2's two answers, so no organisation figure of it is shown.
        Assert.Contains("<div class=\"subtle\">Medelvärde, alla mål</div><div class=\"value\">för få svar</div>", html, StringComparison.Ordinal);
        // The overall self question: 8, 8, 9 in team 1.
        Assert.Contains("<div class=\"subtle\">Var står du själv med Signs of Safety i dag?</div><div class=\"value\">8,3</div>", html, StringComparison.Ordinal);
        // 6 respondents of 15 members, less team 1's 4, would give team 2's 2: the rate is not shown.
        Assert.Contains("<div class=\"subtle\">Svarsfrekvens</div><div class=\"value\">för få svar</div>", html, StringComparison.Ordinal);
        // Goals over time: 2024 vår (team 1 alone, 5, 6, 7) next to 2025 vår (withheld).
        Assert.Contains("<th class=\"number\">2024 vår</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><td>Förhållningssätt</td><td class=\"number\">6,0</td><td class=\"number not-met\">33 %</td><td class=\"number\">för få svar</td><td class=\"number\">för få svar</td></tr>", html, StringComparison.Ordinal);
        // The overall self question, team 1 alone (8, 8, 9): all three at 7 or more.
        Assert.Contains("<td class=\"number\">8,3</td><td class=\"number met\">100 %</td>", html, StringComparison.Ordinal);
        // Response rates per team, and the team without answers.
        Assert.Contains("<tr><td>Utredningsteam 1</td><td class=\"number\">4</td><td class=\"number\">5</td><td class=\"number\">80 %</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Team utan svar</h3><p>Familjeteamet</p>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_in_English_and_team_below_the_threshold_shows_no_mean()
    {
        var html = await ReportAsync(Language.English);

        Assert.Contains("<h1>Signs of Safety follow-up</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Figures of fewer than 3 respondents are not shown.", html, StringComparison.Ordinal);
        // Team 2 (two answers) is in the response rates as "< 3", with no rate, and not among the team means.
        Assert.Contains("<tr><td>Utredningsteam 2</td><td class=\"number\">&lt; 3</td><td class=\"number\">4</td><td class=\"number\">too few answers</td></tr>", html, StringComparison.Ordinal);
    }

    private async Task<string> ReportAsync(Language language)
    {
        await using var app = new SofSBotApp(azurite);
        await ExportDataset.SeedAsync(app.Services);
        await using var output = new MemoryStream();
        await app.GetService<RatingsExporter>().ExportAsync(new ExportRequest(["2025-var"], ExportFormat.Report, language), output, null, default);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [GeneratedRegex("<img alt=\"[^\"]*\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">")]
    private static partial Regex ImageSource();
}
