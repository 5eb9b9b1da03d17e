using SofSBot.Routines.AppreciativeInquiry;
using SofSBot.Routines.Highlights;

namespace SofSBot.Tests.Routines.AppreciativeInquiry;

/// <summary>Which of the week's highlights the card proposes for the interview.</summary>
public sealed class HighlightProposalTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 16, 8, 0, 0, TimeSpan.Zero);

    private static readonly Highlight Sara = new("29:1sara", "Sara Nilsson", "Familjen bjöd in nätverket själva.", Monday.AddHours(1));
    private static readonly Highlight Ahmed = new("29:1ahmed", "Ahmed Hassan", "Första säkerhetsplanen klar.", Monday.AddHours(2));
    private static readonly Highlight Elin = new("29:1elin", "Elin Andersson", "Genogrammet öppnade samtalet.", Monday.AddHours(3));

    [Fact]
    public void The_first_highlight_shared_is_proposed()
    {
        Assert.Equal(Sara, HighlightProposal.First([Elin, Ahmed, Sara], previousIntervieweeId: null));
    }

    [Fact]
    public void Last_meetings_interviewee_is_passed_over_when_others_have_highlights()
    {
        Assert.Equal(Ahmed, HighlightProposal.First([Sara, Ahmed, Elin], previousIntervieweeId: Sara.UserId));
    }

    [Fact]
    public void Last_meetings_interviewee_is_proposed_when_only_they_have_a_highlight()
    {
        Assert.Equal(Sara, HighlightProposal.First([Sara], previousIntervieweeId: Sara.UserId));
    }

    [Fact]
    public void No_highlights_means_no_proposal()
    {
        Assert.Null(HighlightProposal.First([], previousIntervieweeId: null));
        Assert.Null(HighlightProposal.Next([], current: null, previousIntervieweeId: null));
    }

    [Fact]
    public void Suggest_another_goes_round_the_highlights_of_others()
    {
        var highlights = new[] { Sara, Ahmed, Elin };

        Assert.Equal(Ahmed, HighlightProposal.Next(highlights, Interviewee.ProposedFor(Sara), null));
        Assert.Equal(Elin, HighlightProposal.Next(highlights, Interviewee.ProposedFor(Ahmed), null));
        Assert.Equal(Sara, HighlightProposal.Next(highlights, Interviewee.ProposedFor(Elin), null));
    }

    [Fact]
    public void Suggest_another_with_a_single_highlight_asks_for_a_volunteer()
    {
        Assert.Null(HighlightProposal.Next([Sara], Interviewee.ProposedFor(Sara), null));
    }

    [Fact]
    public void Suggest_a_highlight_instead_of_a_volunteer_proposes_someone_else()
    {
        var saraVolunteers = new Interviewee(Sara.UserId, Sara.UserName, HighlightAddedAt: null);

        Assert.Equal(Ahmed, HighlightProposal.Next([Sara, Ahmed], saraVolunteers, null));
        Assert.Equal(Sara, HighlightProposal.Next([Sara], saraVolunteers, null));
    }

    [Fact]
    public void A_stored_time_a_little_less_precise_still_finds_its_highlight()
    {
        var stored = new Interviewee(Sara.UserId, Sara.UserName, Sara.AddedAt.AddTicks(-(Sara.AddedAt.Ticks % TimeSpan.TicksPerMillisecond)).AddTicks(3));

        Assert.True(stored.IsFor(Sara with { AddedAt = Sara.AddedAt.AddTicks(5) }));
        Assert.False(stored.IsFor(Ahmed));
    }
}
