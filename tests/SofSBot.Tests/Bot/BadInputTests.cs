using System.Net;
using System.Text.Json.Nodes;
using SofSBot.Routines;
using SofSBot.Routines.Highlights;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Bot;

/// <summary>
/// Input no Teams client sends, through the real <c>/api/messages</c>: text that is not valid UTF-16,
/// and ids that could not be an Azure Table key (too long, or with a character keys forbid). Each is
/// refused with 400 before anything acts on it: no row changes, nothing is sent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BadInputTests(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>Replaced in the JSON text by a lone high surrogate, which a JsonObject cannot hold.</summary>
    private const string LoneSurrogate = "@@LONE@@";

    private readonly SofSBotApp _app = new(azurite);
    private IReadOnlyList<string> _before = [];

    public async Task InitializeAsync()
    {
        // A team with a posted highlights card, so that there is something a bad activity could change.
        using var installed = await _app.SendActivityAsync(InstalledInTeam());
        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        var meeting = new RoutineMeeting(TeamId, "s1.20261126", RoutineKind.Highlights, TeammoteChannelId, new DateOnly(2026, 11, 26), new TimeOnly(9, 0), SofSBot.Localization.Language.Swedish);
        await _app.GetService<RoutineCardFactory>().CreateAsync(meeting, CancellationToken.None);
        _before = await RowsAsync();
        _app.Connector.Calls.Clear();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Lone_surrogate_in_a_card_actions_verb_is_refused()
    {
        var save = HighlightSave("Vi fick till ett bra nätverksmöte");
        save["value"]!["action"]!["verb"] = HighlightsCard.SaveVerb + LoneSurrogate;

        await AssertRefusedAsync(save);
    }

    [Fact]
    public async Task Lone_surrogate_in_the_team_id_is_refused()
    {
        var save = HighlightSave("Vi fick till ett bra nätverksmöte");
        save["channelData"]!["team"]!["id"] = TeamId.Replace("@thread", LoneSurrogate + "@thread", StringComparison.Ordinal);

        await AssertRefusedAsync(save);
    }

    [Fact]
    public async Task Lone_surrogate_in_a_team_id_of_an_install_is_refused()
    {
        var install = InstalledInTeam();
        install["channelData"]!["team"]!["id"] = "19:ny" + LoneSurrogate + "@thread.tacv2";

        await AssertRefusedAsync(install);
    }

    [Fact]
    public async Task Lone_surrogate_in_a_highlights_text_is_refused()
    {
        await AssertRefusedAsync(HighlightSave("Bra möte " + LoneSurrogate));
    }

    [Fact]
    public async Task Card_data_id_over_1_KB_is_refused()
    {
        var save = HighlightSave("Vi fick till ett bra nätverksmöte");
        save["value"]!["action"]!["data"]!["meetingId"] = "s1." + new string('7', 1100);

        await AssertRefusedAsync(save);
    }

    [Fact]
    public async Task Card_input_name_over_1_KB_is_refused()
    {
        var save = CardAction("rating.save", new JsonObject { ["roundId"] = "r1", ["goal." + new string('g', 1100)] = "7" });

        await AssertRefusedAsync(save);
    }

    [Theory]
    [InlineData("19:a/b@thread.tacv2")]
    [InlineData("19:a\\b@thread.tacv2")]
    [InlineData("19:a#b@thread.tacv2")]
    [InlineData("19:a?b@thread.tacv2")]
    [InlineData("19:a\u0001b@thread.tacv2")]
    [InlineData("19:a\nb@thread.tacv2")]
    public async Task Team_id_with_a_character_table_keys_forbid_is_refused(string teamId)
    {
        var install = InstalledInTeam();
        install["channelData"]!["team"]!["id"] = teamId;

        await AssertRefusedAsync(install);
    }

    [Fact]
    public async Task Team_id_over_1_KB_is_refused()
    {
        var install = InstalledInTeam();
        install["channelData"]!["team"]!["id"] = "19:" + new string('a', 1100) + "@thread.tacv2";

        await AssertRefusedAsync(install);
    }

    [Fact]
    public async Task Personal_conversation_id_over_1_KB_is_refused()
    {
        var message = PersonalMessage("mina data");
        message["conversation"]!["id"] = "a:" + new string('x', 1100);

        await AssertRefusedAsync(message);
    }

    [Fact]
    public async Task User_id_with_a_slash_is_refused()
    {
        await AssertRefusedAsync(PersonalMessage("mina data", from: User("29:1sara/../karin", "Sara Nilsson", "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")));
    }

    private static JsonObject HighlightSave(string text)
    {
        var data = new JsonObject { ["meetingId"] = "s1.20261126", ["week"] = "2026-W48", ["highlight"] = text };
        var activity = CardAction(HighlightsCard.SaveVerb, data, from: Sara);
        activity["replyToId"] = "1732600000001";
        return activity;
    }

    private async Task AssertRefusedAsync(JsonObject activity)
    {
        var json = activity.ToJsonString().Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);

        using var response = await _app.SendActivityJsonAsync(json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(_before, await RowsAsync());
        Assert.Empty(_app.Connector.Calls);
    }

    /// <summary>Every row of the app's tables with its ETag, so any change shows.</summary>
    private async Task<IReadOnlyList<string>> RowsAsync() =>
        [.. (await _app.ReadEveryTableAsync()).Select(r => $"{r.Table}|{r.Row.PartitionKey}|{r.Row.RowKey}|{r.Row.ETag}").Order(StringComparer.Ordinal)];
}
