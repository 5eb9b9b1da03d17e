using SofSBot.CardActions;
using SofSBot.Roles;

namespace SofSBot.Scheduling;

/// <summary>One button of the schedule cards; open to the team's leaders only.</summary>
internal sealed class ScheduleCardAction(string verb, ScheduleEditor editor) : ICardActionHandler
{
    public string Verb { get; } = verb;

    public CommandAudience Audience => CommandAudience.TeamLeaders;

    public Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken cancellationToken) =>
        editor.HandleAsync(context, cancellationToken);
}
