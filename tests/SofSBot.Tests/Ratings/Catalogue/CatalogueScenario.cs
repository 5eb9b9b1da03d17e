using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SofSBot.BotFramework;
using SofSBot.Ratings;
using SofSBot.Roles;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Ratings.Catalogue;

/// <summary>
/// The app over Azurite with a team installed: Karin is a coordinator, Erik a named leader of the
/// team (not a coordinator), Sara a member. Presses buttons in personal chat or in the channel.
/// </summary>
internal sealed class CatalogueScenario : IAsyncDisposable
{
    public static readonly JsonObject Erik = User("29:1erik", "Erik Sund", "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8");

    private int _forms;

    private CatalogueScenario(SofSBotApp app, FakeTimeProvider time)
    {
        App = app;
        Time = time;
    }

    public SofSBotApp App { get; }

    public FakeTimeProvider Time { get; }

    public IGoalCatalogueStore Catalogue => App.GetService<IGoalCatalogueStore>();

    public IRatingPeriodStore Periods => App.GetService<IRatingPeriodStore>();

    public static async Task<CatalogueScenario> StartAsync(AzuriteFixture azurite)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var app = new SofSBotApp(
            azurite,
            settings: new Dictionary<string, string?>
            {
                ["Roles:Coordinators:0"] = Karin["aadObjectId"]!.GetValue<string>(),
                ["Ratings:MonitorEnabled"] = "false",
            },
            time: time);
        app.Connector.Channels[TeamId] = [(TeamId, null), (TeammoteChannelId, "Teammöte")];
        app.Connector.Members[TeamId] = [Karin, Sara, Erik];
        await app.SendActivityAsync(InstalledInTeam());
        await app.GetService<INamedLeaderStore>().AddAsync(
            new NamedLeader(TeamId, Erik["aadObjectId"]!.GetValue<string>(), "Erik Sund", Karin["aadObjectId"]!.GetValue<string>(), time.GetUtcNow()), default);
        return new CatalogueScenario(app, time);
    }

    /// <summary>Writes <paramref name="text"/> to the bot in personal chat; returns what it answered (a card or a text).</summary>
    public async Task<ConnectorCall> SayInPersonalChatAsync(string text, JsonObject? from = null, string locale = "sv-SE")
    {
        await App.SendActivityAsync(PersonalMessage(text, locale, from ?? Karin));
        return App.Connector.Posts.Last();
    }

    public async Task<ConnectorCall> SayInChannelAsync(string text, JsonObject? from = null, string locale = "sv-SE")
    {
        await App.SendActivityAsync(ChannelMention(text, locale, from ?? Karin));
        return App.Connector.Posts.Last();
    }

    /// <summary>Presses a button of a card in personal chat; returns the invoke response (a card or an error). The same data may be pressed again.</summary>
    public Task<JsonNode> PressInPersonalChatAsync(string verb, JsonObject data, JsonObject? from = null, string locale = "sv-SE")
    {
        var action = CardAction(verb, (JsonObject)data.DeepClone(), from ?? Karin, locale);
        action["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = TenantId };
        action["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        return SendAsync(action);
    }

    public Task<JsonNode> PressInChannelAsync(string verb, JsonObject data, JsonObject? from = null, string locale = "sv-SE") =>
        SendAsync(CardAction(verb, (JsonObject)data.DeepClone(), from ?? Karin, locale));

    /// <summary>A leader opens a rating round in the channel now; returns it as stored.</summary>
    public async Task<RatingRound> OpenRoundAsync()
    {
        var before = (await App.GetService<IRatingRoundStore>().ListForTeamAsync(TeamId, default)).Select(round => round.RoundId).ToHashSet();
        var action = CardAction(RatingCards.OpenVerb, new JsonObject { ["period"] = "2025-1", ["lastDay"] = "2025-03-24" }, Karin);
        action["replyToId"] = $"form-{Interlocked.Increment(ref _forms)}";
        var response = await SendAsync(action);
        Assert.Equal("application/vnd.microsoft.card.adaptive", response["type"]?.GetValue<string>());
        return Assert.Single(await App.GetService<IRatingRoundStore>().ListForTeamAsync(TeamId, default), round => !before.Contains(round.RoundId));
    }

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(App.Connector.Unexpected);
        await App.DisposeAsync();
    }

    /// <summary>The data of the first Action.Execute with <paramref name="verb"/> whose data has <paramref name="field"/> = <paramref name="value"/>.</summary>
    public static JsonObject ActionData(JsonNode card, string verb, string? field = null, string? value = null) =>
        (JsonObject)Descendants(card)
            .First(node => node["type"]?.GetValue<string>() == "Action.Execute" && node["verb"]?.GetValue<string>() == verb
                && (field is null || node["data"]?[field]?.GetValue<string>() == value))["data"]!.DeepClone();

    /// <summary>The values of a form's inputs, as Teams would send them with its data.</summary>
    public static JsonObject Inputs(JsonNode card)
    {
        var inputs = new JsonObject();
        foreach (var input in Descendants(card).Where(node => node["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            var value = input["value"];
            inputs[input["id"]!.GetValue<string>()] = value is null ? string.Empty : value.GetValueKind() == System.Text.Json.JsonValueKind.Number ? value.ToJsonString() : value.GetValue<string>();
        }

        return inputs;
    }

    public static JsonObject Merge(JsonObject data, JsonObject inputs)
    {
        var merged = (JsonObject)data.DeepClone();
        foreach (var (key, value) in inputs)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    /// <summary>How many Action.Execute buttons with <paramref name="verb"/> the card has.</summary>
    public static int CountActions(JsonNode card, string verb) =>
        Descendants(card).Count(node => node["type"]?.GetValue<string>() == "Action.Execute" && node["verb"]?.GetValue<string>() == verb);

    public static string Text(JsonNode? card) => card?.ToJsonString(BotJson.Options) ?? string.Empty;

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject obj => [obj, .. obj.Select(p => p.Value).SelectMany(Descendants)],
        JsonArray array => array.SelectMany(Descendants),
        _ => [],
    };

    private async Task<JsonNode> SendAsync(JsonObject action)
    {
        using var response = await App.SendActivityAsync(action);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
