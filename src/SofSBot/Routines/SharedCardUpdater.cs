using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Cards;
using SofSBot.BotFramework.Connector;
using SofSBot.BotFramework.Hosting;

namespace SofSBot.Routines;

/// <summary>A routine card's shared view (what everyone sees) and the storage version it shows.</summary>
internal sealed record SharedCard(AdaptiveCard Card, long Version);

/// <summary>
/// Replaces a routine card in the channel with its shared view after a change. Two changes can finish
/// in either order, in one instance or two, so after each replacement the version is read again and
/// the card replaced once more if storage moved on meanwhile: the last change always ends up showing.
/// Replacements of one card asked for while one is under way are joined (<see cref="CardUpdateBatches"/>),
/// so many members acting on the card at once cost a few replacements, not one each.
/// A failed replacement is logged, never thrown: the change itself is stored and confirmed to the user.
/// </summary>
internal sealed partial class SharedCardUpdater(ILogger<SharedCardUpdater> logger, TimeProvider? timeProvider = null)
{
    private const int MaxRounds = 5;

    private readonly CardUpdateBatches _batches = new();

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>
    /// Replaces the card of the meeting or round a card action changed, through the turn's connector.
    /// <paramref name="card"/> is where the server stored the card when it was posted
    /// (<see cref="RoutineCardLocations"/>, a rating round's own record), never the turn's
    /// <c>replyToId</c>: that names whatever card the client says, and another routine's card would be
    /// overwritten. Without a stored card nothing is replaced (logged).
    /// </summary>
    public async Task UpdateAsync(
        TurnContext turn,
        PostedCard? card,
        Func<CancellationToken, Task<SharedCard>> renderShared,
        Func<CancellationToken, Task<long>> readVersion,
        CancellationToken cancellationToken)
    {
        if (card is null)
        {
            LogNoCardToUpdate(turn.Activity.Type);
            return;
        }

        await UpdateAsync(turn.Connector, turn.ServiceUrl, card.ConversationId, card.ActivityId, renderShared, readVersion, cancellationToken);
    }

    /// <summary>
    /// Replaces the card <paramref name="activityId"/> in <paramref name="conversationId"/> (also outside a
    /// turn), returning once a replacement that read storage after this call has finished.
    /// <paramref name="cancellationToken"/> only stops the waiting: a replacement under way serves other
    /// callers too and runs to its end. Within an inbound turn the waiting ends at the turn's connector
    /// budget (<see cref="ConnectorTurnBudget"/>) so that Teams gets its answer in time; the replacement
    /// itself is not held to that budget and goes on after the answer.
    /// </summary>
    public async Task UpdateAsync(
        IConnectorClient connector,
        Uri serviceUrl,
        string conversationId,
        string activityId,
        Func<CancellationToken, Task<SharedCard>> renderShared,
        Func<CancellationToken, Task<long>> readVersion,
        CancellationToken cancellationToken)
    {
        var replaced = _batches.ReplaceAsync(
            $"{conversationId}|{activityId}",
            () => ReplaceUntilCurrentAsync(connector, serviceUrl, conversationId, activityId, renderShared, readVersion),
            cancellationToken);
        if (ConnectorTurnBudget.Remaining(_time) is not { } remaining)
        {
            await replaced;
            return;
        }

        try
        {
            await replaced.WaitAsync(remaining, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            LogAnsweredBeforeReplaced(activityId);
        }
    }

    private async Task ReplaceUntilCurrentAsync(
        IConnectorClient connector,
        Uri serviceUrl,
        string conversationId,
        string activityId,
        Func<CancellationToken, Task<SharedCard>> renderShared,
        Func<CancellationToken, Task<long>> readVersion)
    {
        var cancellationToken = CancellationToken.None;
        try
        {
            for (var round = 1; round <= MaxRounds; round++)
            {
                var shared = await renderShared(cancellationToken);
                var update = new Activity
                {
                    Type = ActivityTypes.Message,
                    Id = activityId,
                    Attachments = [Attachment.AdaptiveCard(shared.Card)],
                    Summary = shared.Card.FallbackText,
                };
                await connector.UpdateActivityAsync(serviceUrl, conversationId, activityId, update, cancellationToken);
                if (await readVersion(cancellationToken) == shared.Version)
                {
                    return;
                }
            }

            LogStillChanging(activityId, MaxRounds);
        }
        catch (Exception exception)
        {
            // Also a timeout: nobody's token runs this, and it must not fail the turns waiting on it.
            LogUpdateFailed(exception, activityId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card action ({ActivityType}) changed a meeting whose card's place is not stored; the shared card was not updated")]
    private partial void LogNoCardToUpdate(string? activityType);

    [LoggerMessage(Level = LogLevel.Information, Message = "The turn's connector budget ran out before the card {ActivityId} was replaced; the replacement goes on after the answer")]
    private partial void LogAnsweredBeforeReplaced(string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The card {ActivityId} kept changing after {Rounds} replacements; the next change shows the rest")]
    private partial void LogStillChanging(string activityId, int rounds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not replace the card {ActivityId} with its shared view")]
    private partial void LogUpdateFailed(Exception exception, string activityId);
}
