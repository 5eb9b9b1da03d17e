using Microsoft.Extensions.Options;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;

namespace SofSBot.Tests.Routines.Highlights;

[Collection(AzuriteCollection.Name)]
public sealed class HighlightsOptionsTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    public async Task A_retention_under_one_day_stops_the_app_at_start(string retentionDays)
    {
        await using var app = new SofSBotApp(azurite, settings: new Dictionary<string, string?> { ["Highlights:RetentionDays"] = retentionDays });

        var exception = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("RetentionDays", exception.Message, StringComparison.Ordinal);
    }
}
