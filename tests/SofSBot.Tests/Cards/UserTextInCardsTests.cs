using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SofSBot.BotFramework;
using SofSBot.BotFramework.Cards;
using SofSBot.Export;
using SofSBot.Localization;
using SofSBot.Privacy;
using SofSBot.Ratings;
using SofSBot.Ratings.Catalogue;
using SofSBot.Routines;
using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.CaseSupervision;
using SofSBot.Routines.Highlights;
using SofSBot.Scheduling;
using SofSBot.TeamsEvents;

namespace SofSBot.Tests.Cards;

/// <summary>
/// Text that users typed and display names, placed in any card, show as written: the reference
/// renderer (npm adaptivecards with markdown-it) makes no link, heading, list, quote, code or
/// emphasis of them. The hostile texts are in every place a member, leader or coordinator writes, or
/// Teams names someone or something.
/// </summary>
public sealed class UserTextInCardsTests(UserTextInCardsTests.Rendered rendered) : IClassFixture<UserTextInCardsTests.Rendered>
{
    /// <summary>The example: a highlight that would be a link in the bot's own card.</summary>
    public const string Link = "[Logga in](https://evil.example)";

    /// <summary>Inline markup a member could type or a name could hold.</summary>
    public const string Inline = Link + " **fet** _kursiv_ `kod` <https://evil.example> &amp; ~~bort~~";

    /// <summary>Block markup at the start of lines (multi-line texts: highlights, notes, questions).</summary>
    public const string Blocks = "# Rubrik\n- punkt\n1. ett\n> citat";

    public const string Name = "[Sara](https://evil.example) _Admin_";

    public static TheoryData<string> CardNames => [.. Cards().Keys];

    [Fact]
    public void The_check_sees_a_link_in_unescaped_text()
    {
        // The control: without escaping, the same renderer makes the link the issue describes.
        var blocks = rendered.Of("control-unescaped");

        Assert.Contains(blocks, block => block.Html.Contains("<a href=\"https://evil.example\"", StringComparison.Ordinal));
        Assert.Contains(blocks, block => block.Html.Contains("<h1>", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void User_text_and_names_make_no_markup_and_show_as_written(string name)
    {
        var blocks = rendered.Of(name);
        var html = string.Join("\n", blocks.Select(block => block.Html));
        var visible = string.Join("\n", blocks.Select(block => ReferenceMarkdownRenderer.Visible(block.Html)));

        // Not <ol>: the bot numbers goals and questions itself ("1. Förhållningssätt"). A member's "1. ett"
        // made into a list would lose its "1. ", which the check of what is shown below sees.
        foreach (var markup in new[] { "<a ", "<h1", "<h2", "<ul", "<blockquote", "<code", "<em>", "<s>", "<hr" })
        {
            Assert.False(html.Contains(markup, StringComparison.Ordinal), $"{name}: the renderer made {markup}> of user text:\n{html}");
        }

        var expected = Cards()[name].Shows;
        Assert.All(expected, text => Assert.True(visible.Contains(text, StringComparison.Ordinal), $"{name}: '{text}' is not shown as written:\n{visible}"));
    }

    /// <summary>Every card with hostile user text, and the texts a reader must see as written.</summary>
    internal static Dictionary<string, (AdaptiveCard Card, string[] Shows)> Cards()
    {
        var sv = CultureInfo.GetCultureInfo("sv-SE");
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var highlight = new Highlight("29:1sara", Name, Inline + "\n" + Blocks, at);
        var highlightsBoard = new HighlightsBoard("19:team@thread.tacv2", new IsoWeek(2026, 48), [], [highlight], 1);
        var highlightsMeeting = new HighlightsMeeting("s1.20261126", "19:channel@thread.tacv2", new DateOnly(2026, 11, 26), new TimeOnly(9, 0), Language.Swedish);

        var monday = new DateOnly(2026, 11, 30);
        InquiryBoard Inquiry(Interviewee interviewee) => new(
            "19:team@thread.tacv2", "s2.20261130", monday, new TimeOnly(8, 30), Language.Swedish,
            [.. QuestionRotation.For("19:team@thread.tacv2", monday).Select(question => question.Id)],
            interviewee, ProposalRound: 0,
            [new LearningNote(1, Inline + "\n" + Blocks, "29:1sara", Name, at), new LearningNote(2, "Nästa version", "29:1ahmed", "Ahmed Hassan", at.AddMinutes(5))],
            Version: 3);

        SupervisionMeeting[] meetings = [new("m1", new DateOnly(2026, 3, 30), new TimeOnly(8, 30), 2, Language.Swedish, "19:teammote")];
        var booking = new SupervisionBooking("m1", 1, "29:1sara", Name, Inline + "\n" + Blocks, at);
        var supervision = new SupervisionHalfYear(new HalfYear(2026, 1), meetings, [booking], Version: 2);
        TeamMember[] roster = [new("29:1sara", Name), new("29:1ahmed", Name + " 2")];

        var evilGoal = GoalCatalogue.Seed[0] with
        {
            Title = new(Inline, Inline), Description = new(Inline, Inline), LowAnchor = new(Inline, Inline), HighAnchor = new(Inline, Inline),
        };
        var teamGoal = GoalCatalogue.TeamGoal("team-2025-1", Inline, 101);
        var round = new RatingRound(
            "19:team@thread.tacv2", "r1", "2025-1", Inline, RatingCards.DeadlineAfter(new DateOnly(2025, 3, 24)), IsClosed: false, Language.Swedish,
            "19:teammote@thread.tacv2", "29:1karin", at, null, [evilGoal, teamGoal], 6, ["29:1sara"], null, null, RemindersSent: false);
        IReadOnlyList<GoalResult> results = [RatingAggregation.Aggregate(evilGoal.GoalId, [6, 8, 9], 6, 3), RatingAggregation.Aggregate(teamGoal.GoalId, [6, 8, 9], 6, 3)];

        var period = new RatingPeriod("2025-1", Inline, new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30));
        var team = new ExportTeam("19:t1@thread.tacv2", Name, IsInstalled: true);
        var channels = new[] { new TeamChannel("19:team@thread.tacv2", "19:teammote@thread.tacv2", Name, false, at) };
        var schedule = new Schedule(
            "19:team@thread.tacv2", "s1", RoutineKind.Highlights, "19:teammote@thread.tacv2",
            new ScheduleRule([DayOfWeek.Monday], new TimeOnly(8, 30), new DateOnly(2026, 1, 5)), Language.Swedish, IsPaused: false, "29:karin", at, at);

        return new(StringComparer.Ordinal)
        {
            ["highlights-shared"] = (HighlightsCard.Shared(highlightsBoard, highlightsMeeting), [Link, Inline, Blocks, Name]),
            ["highlights-personal"] = (HighlightsCard.Personal(highlightsBoard, highlightsMeeting, new HighlightsViewer("29:1ahmed", Language.Swedish, sv)), [Inline, Name]),
            ["inquiry-proposed"] = (InquiryCards.Shared(Inquiry(Interviewee.ProposedFor(highlight)), [highlight]), [Inline, Name]),
            ["inquiry-volunteer"] = (InquiryCards.Shared(Inquiry(new Interviewee("29:1sara", Name, null)), [highlight]), [Name]),
            ["inquiry-personal"] = (InquiryCards.Personal(Inquiry(new Interviewee("29:1sara", Name, null)), [highlight], Language.Swedish, "29:1sara", null), [Inline, Blocks, Name]),
            ["case-supervision"] = (CaseSupervisionCard.Render(supervision, meetings[0], roster, 2, Language.Swedish, sv), [Inline, Blocks, Name]),
            ["ratings-shared"] = (RatingCards.Shared(round, 1), [Inline]),
            ["ratings-personal"] = (RatingCards.Personal(round, 1, new Dictionary<string, int>(), Language.Swedish, isLeader: true), [Inline]),
            ["ratings-results"] = (RatingCards.Results(round with { IsClosed = true }, results, 3, 6, 3, Language.Swedish), [Inline]),
            ["team-goals"] = (TeamGoalCards.List([new CatalogueGoal(teamGoal, null, "1"), new CatalogueGoal(teamGoal with { GoalId = "team-2025-2" }, at, "1")], 2025, canChange: true, Language.Swedish), [Inline]),
            ["goal-catalogue"] = (GoalCatalogueCards.List([new CatalogueGoal(evilGoal, null, "1")], Language.Swedish), [Inline]),
            ["goal-form"] = (GoalCatalogueCards.Form(GoalForm.From(new CatalogueGoal(evilGoal, null, "1")), GoalKind.Organisation, Language.Swedish), [Inline]),
            ["goal-retire"] = (GoalCatalogueCards.ConfirmRetire(new CatalogueGoal(evilGoal, null, "1"), Language.Swedish), [Inline]),
            ["periods"] = (PeriodCards.List([period], Language.Swedish), [Inline]),
            ["period-form"] = (PeriodCards.Form(PeriodForm.From(new VersionedPeriod(period, "1")), Language.Swedish), [Inline]),
            ["schedules"] = (ScheduleCards.List([schedule], channels, at, Language.Swedish), [Name]),
            ["period-end"] = (PeriodEndReminderCards.Create(new PeriodResponses(period, [new TeamResponse(period, team, 4, 6)], [team with { TeamId = "19:t2@thread.tacv2" }]), Language.Swedish), [Inline, Name]),
            ["welcome-team"] = (WelcomeCards.ForTeam(Language.Swedish, Name), [Name]),
            ["welcome-member"] = (WelcomeCards.ForMember(Language.English, Name), [Name]),
            ["my-data"] = (PersonalDataCards.Overview([new PersonalDataItem(new("Highlights", "Highlights"), new(Inline, Inline), at)], Language.Swedish, sv), [Inline]),
        };
    }

    /// <summary>All cards rendered in one node process.</summary>
    public sealed class Rendered : IAsyncLifetime
    {
        private IReadOnlyDictionary<string, IReadOnlyList<RenderedText>>? _results;

        internal IReadOnlyList<RenderedText> Of(string name) =>
            (_results ?? throw new InvalidOperationException("Not rendered yet."))[name];

        public async Task InitializeAsync()
        {
            var cards = Cards().ToDictionary(pair => pair.Key, pair => JsonSerializer.SerializeToNode(pair.Value.Card, BotJson.Options)!, StringComparer.Ordinal);
            cards["control-unescaped"] = JsonSerializer.SerializeToNode(
                new AdaptiveCard { Body = [new TextBlock(Link), new TextBlock(Blocks)] }, BotJson.Options)!;
            _results = await ReferenceMarkdownRenderer.RenderAsync(cards, CancellationToken.None);
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
