using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SofSBot.CardActions;
using SofSBot.Roles;
using SofSBot.Routing;
using SofSBot.Tests.Infrastructure;
using SofSBot.TestSupport;
using static SofSBot.Tests.Infrastructure.TeamsActivities;

namespace SofSBot.Tests.Routing;

/// <summary>
/// The route table through the real <c>/api/messages</c> pipeline, with test routes of its own: a
/// route's audience and scope are checked before its handler, bad typed data is refused in the user's
/// language, an unknown verb is answered, and roles are read only for routes that need them.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class RouteTableTests : IAsyncLifetime
{
    private const string LeadersVerb = "probe.leaders";
    private const string CoordinatorsVerb = "probe.coordinators";
    private const string PersonalVerb = "probe.personal";
    private const string TeamVerb = "probe.team";
    private const string TypedVerb = "probe.typed";
    private const string MemberVerb = "probe.member";
    private const string SloppyVerb = "probe.sloppy";

    private readonly SofSBotApp _app;
    private CountingLeaderStore _leaders = null!;

    public RouteTableTests(AzuriteFixture azurite)
    {
        _app = new SofSBotApp(azurite, services: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<INamedLeaderStore>(provider =>
                _leaders = new CountingLeaderStore(ActivatorUtilities.CreateInstance<TableNamedLeaderStore>(provider))));
            services.Routes()
                .OnAction<ProbeActions>(LeadersVerb, CommandAudience.TeamLeaders, RouteScope.Anywhere, actions => actions.RunAsync)
                .OnAction<ProbeActions>(CoordinatorsVerb, CommandAudience.Coordinators, RouteScope.Anywhere, actions => actions.RunAsync)
                .OnAction<ProbeActions>(PersonalVerb, CommandAudience.Everyone, RouteScope.PersonalChat(), actions => actions.RunAsync)
                .OnAction<ProbeActions>(TeamVerb, CommandAudience.Everyone, RouteScope.TeamChannel(), actions => actions.RunAsync)
                .OnAction<ProbeActions, ProbeData>(TypedVerb, CommandAudience.Everyone, RouteScope.Anywhere, actions => actions.RunTypedAsync)
                .OnAction<ProbeActions>(MemberVerb, CommandAudience.Everyone, RouteScope.Anywhere, actions => actions.RunAsync)
                .OnAction<ProbeActions>(SloppyVerb, CommandAudience.Everyone, RouteScope.Anywhere, actions => actions.ReadRolesAsync);
        });
    }

    private ProbeActions Probe => _app.GetService<ProbeActions>();

    public Task InitializeAsync()
    {
        _ = _app.GetService<INamedLeaderStore>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Assert.Empty(_app.Connector.Unexpected);
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(LeadersVerb, "sv-SE", "Det kan bara teamets teamledare göra.")]
    [InlineData(LeadersVerb, "en-US", "Only the team's leaders can do that.")]
    [InlineData(CoordinatorsVerb, "sv-SE", "Det kan bara samordnare göra.")]
    [InlineData(CoordinatorsVerb, "en-GB", "Only coordinators can do that.")]
    public async Task A_member_pressing_a_button_of_another_audience_is_refused_in_their_language_before_the_handler(string verb, string locale, string message)
    {
        var error = await InvokeAsync(CardAction(verb, from: Sara, locale: locale));

        Assert.Equal(("forbidden", message), (Code(error), Message(error)));
        Assert.Equal(0, Probe.Runs);
    }

    [Theory]
    [InlineData("sv-SE", "Det fungerar bara i den personliga chatten med mig.")]
    [InlineData("en-US", "That works only in the personal chat with me.")]
    public async Task A_personal_chat_button_pressed_in_a_channel_is_refused_in_the_users_language(string locale, string message)
    {
        var error = await InvokeAsync(CardAction(PersonalVerb, locale: locale));

        Assert.Equal(("invalidInput", message), (Code(error), Message(error)));
        Assert.Equal(0, Probe.Runs);
    }

    [Theory]
    [InlineData("sv-SE", "Det fungerar bara i en kanal i teamet.")]
    [InlineData("en-US", "That works only in a channel of the team.")]
    public async Task A_team_button_pressed_in_personal_chat_is_refused_in_the_users_language(string locale, string message)
    {
        var error = await InvokeAsync(InPersonalChat(CardAction(TeamVerb, locale: locale)));

        Assert.Equal(("invalidInput", message), (Code(error), Message(error)));
        Assert.Equal(0, Probe.Runs);
    }

    [Fact]
    public async Task Buttons_in_their_scope_run_their_handler()
    {
        await InvokeAsync(InPersonalChat(CardAction(PersonalVerb)), expectCard: false);
        await InvokeAsync(CardAction(TeamVerb), expectCard: false);

        Assert.Equal(2, Probe.Runs);
    }

    [Theory]
    [InlineData("sv-SE", "Den här knappen känner jag inte längre igen. Skriv hjälp för att se vad jag kan.")]
    [InlineData("en-US", "I no longer recognise this button. Type help to see what I can do.")]
    public async Task An_unknown_verb_is_answered_cleanly_by_invoke_and_by_the_submit_fallback(string locale, string message)
    {
        var error = await InvokeAsync(CardAction("probe.nobody.maps.this", locale: locale));
        Assert.Equal(("unknownAction", message), (Code(error), Message(error)));

        var submit = PersonalMessage(string.Empty, locale);
        submit.Remove("text");
        submit["value"] = new JsonObject { ["verb"] = "probe.nobody.maps.this" };
        using var response = await _app.SendActivityAsync(submit);
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(message, _app.Connector.Posts.Last().Text);
    }

    [Theory]
    [InlineData(null, "sv-SE", "Ange minuterna som ett heltal från 1 till 60. Inget har sparats.")]
    [InlineData("tio", "sv-SE", "Ange minuterna som ett heltal från 1 till 60. Inget har sparats.")]
    [InlineData("0", "en-US", "Give the minutes as a whole number from 1 to 60. Nothing was saved.")]
    [InlineData("61", "en-US", "Give the minutes as a whole number from 1 to 60. Nothing was saved.")]
    [InlineData("-5", "sv-SE", "Ange minuterna som ett heltal från 1 till 60. Inget har sparats.")]
    public async Task Bad_typed_data_is_refused_with_the_records_localized_message_and_the_handler_never_runs(string? minutes, string locale, string message)
    {
        var data = minutes is null ? new JsonObject() : new JsonObject { ["minutes"] = minutes };

        var error = await InvokeAsync(CardAction(TypedVerb, data, locale: locale));

        Assert.Equal(("invalidInput", message), (Code(error), Message(error)));
        Assert.Equal(0, Probe.Runs);
    }

    [Fact]
    public async Task Valid_typed_data_reaches_the_handler_bound()
    {
        var answer = await InvokeAsync(CardAction(TypedVerb, new JsonObject { ["minutes"] = "45" }), expectCard: false);

        Assert.Equal("minutes: 45", answer.GetValue<string>());
    }

    [Fact]
    public async Task Roles_are_read_only_for_routes_whose_audience_needs_them()
    {
        await InvokeAsync(CardAction(MemberVerb, from: Sara), expectCard: false);
        await InvokeAsync(CardAction(TypedVerb, new JsonObject { ["minutes"] = "5" }, from: Sara), expectCard: false);
        Assert.Equal(0, _leaders.Calls);

        await InvokeAsync(CardAction(LeadersVerb, from: Sara));
        Assert.True(_leaders.Calls > 0);
    }

    [Fact]
    public async Task A_handler_reading_roles_its_route_did_not_ask_for_fails_loudly_rather_than_guessing()
    {
        var error = await InvokeAsync(CardAction(SloppyVerb, from: Sara));

        Assert.Equal("failed", Code(error));
        Assert.Equal(0, _leaders.Calls);
    }

    [Fact]
    public void Two_routes_for_one_verb_stop_the_app_at_start()
    {
        CardActionHandler handler = (_, _) => Task.FromResult(CardActionResult.ShowMessage("x"));
        CardRoute Route() => new("probe.twice", CommandAudience.Everyone, RouteScope.Anywhere, NeedsRoles: false, _ => handler);

        var exception = Assert.Throws<InvalidOperationException>(() => new RouteTable([Route(), Route()], [], new ServiceCollection().BuildServiceProvider()));
        Assert.Contains("probe.twice", exception.Message, StringComparison.Ordinal);
    }

    private static JsonObject InPersonalChat(JsonObject activity)
    {
        activity["conversation"] = new JsonObject { ["id"] = "a:1personal", ["conversationType"] = "personal", ["tenantId"] = TenantId };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        return activity;
    }

    /// <summary>The invoke answer's value: the error (or, with <paramref name="expectCard"/> false, the message).</summary>
    private async Task<JsonNode> InvokeAsync(JsonObject activity, bool expectCard = true)
    {
        using var response = await _app.SendActivityAsync(activity);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(expectCard ? "application/vnd.microsoft.error" : "application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        return body["value"]!;
    }

    private static string Code(JsonNode error) => error["code"]!.GetValue<string>();

    private static string Message(JsonNode error) => error["message"]!.GetValue<string>();
}
