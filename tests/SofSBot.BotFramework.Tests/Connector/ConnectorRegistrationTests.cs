using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SofSBot.BotFramework.Connector;

namespace SofSBot.BotFramework.Tests.Connector;

public sealed class ConnectorRegistrationTests
{
    [Fact]
    public void Connector_options_are_read_from_the_Bot_Connector_section()
    {
        using var harness = ConnectorHarness.Anonymous(new Dictionary<string, string?>
        {
            ["Bot:Connector:MaxAttempts"] = "7",
            ["Bot:Connector:BaseDelay"] = "00:00:02",
            ["Bot:Connector:MaxDelay"] = "00:00:20",
            ["Bot:Connector:MaxRetryAfter"] = "00:02:00",
            ["Bot:Connector:Timeout"] = "00:01:30",
            ["Bot:Connector:TurnBudget"] = "00:00:07",
        });

        var options = harness.Services.GetRequiredService<IOptions<ConnectorOptions>>().Value;

        Assert.Equal(7, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.MaxDelay);
        Assert.Equal(TimeSpan.FromMinutes(2), options.MaxRetryAfter);
        Assert.Equal(TimeSpan.FromSeconds(90), options.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(7), options.TurnBudget);
    }

    [Theory]
    [InlineData("MaxAttempts", "0")]
    [InlineData("MaxAttempts", "11")]
    [InlineData("BaseDelay", "00:02:00")]
    [InlineData("MaxDelay", "00:00:00.5")]
    [InlineData("MaxRetryAfter", "01:00:00")]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("TurnBudget", "00:00:00")]
    [InlineData("TurnBudget", "00:05:00")]
    public void Invalid_connector_options_stop_the_start(string key, string value)
    {
        using var harness = ConnectorHarness.Anonymous(new Dictionary<string, string?> { [$"Bot:Connector:{key}"] = value });

        var exception = Assert.Throws<OptionsValidationException>(() => harness.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(key, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        using var harness = ConnectorHarness.Anonymous();

        harness.Services.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotNull(harness.Client);
    }
}
