using System.Text.Json;
using SofSBot.BotFramework.Activities;
using SofSBot.BotFramework.Connector;
using SofSBot.BotFramework.Hosting;
using SofSBot.BotFramework.Invoke;
using SofSBot.CardActions;
using SofSBot.Commands;
using SofSBot.Localization;
using SofSBot.Roles;
using SofSBot.Routing;
using SofSBot.TeamsEvents;
using SofSBot.Telemetry;

namespace SofSBot.Bot;

/// <summary>
/// Sends each activity to the feature that owns it: text to the command table, card actions to their
/// verb's route, installation and conversation updates to the Teams events. A route's audience and
/// scope are checked here, once, before its handler; roles are read only for routes that need them.
/// Every user-facing path answers, also when something fails: never silence.
/// </summary>
internal sealed partial class ActivityRouter(
    CommandTable commands,
    RouteTable routes,
    TeamsEventHandler teamsEvents,
    IRoleResolver roleResolver,
    IEnumerable<IFileConsentHandler> fileConsentHandlers,
    IEnumerable<IActivityObserver> observers,
    BotTelemetry telemetry,
    ILogger<ActivityRouter> logger) : IActivityHandler
{
    // Language-neutral, so a bare mention is answered in the language of the client.
    private const string HelpCommandWord = "?";

    /// <summary>The verb reported for file consent answers (the invoke carries no verb of ours).</summary>
    private const string FileConsentVerb = "fileConsent";

    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        using var span = BotTelemetry.StartTurn(turn.Activity);
        try
        {
            return await RouteAsync(turn, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The exception's type only: its message may quote what was sent.
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, exception.GetType().Name);
            BotTelemetry.TurnOutcome(TelemetryOutcomes.Failed);
            throw;
        }
    }

    private async Task<InvokeResponse?> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await ObserveAsync(turn, cancellationToken);
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Value is { ValueKind: JsonValueKind.Object }:
                await OnCardSubmitAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Invoke when activity.Name == AdaptiveCardAction.InvokeName:
                return await OnCardInvokeAsync(turn, cancellationToken);
            case ActivityTypes.Invoke when activity.Name == FileConsentInvoke.InvokeName && fileConsentHandlers.Any():
                return await OnFileConsentAsync(turn, cancellationToken);
            case ActivityTypes.Invoke:
                // Invokes we do not offer (message extensions, task modules): say so, as the SDK does.
                telemetry.InvokeHandled(TelemetryOutcomes.Unknown, TelemetryOutcomes.NotImplemented);
                return new InvokeResponse(StatusCodes.Status501NotImplemented, null);
            case ActivityTypes.InstallationUpdate:
                await teamsEvents.OnInstallationUpdateAsync(turn, cancellationToken);
                BotTelemetry.TurnOutcome(TelemetryOutcomes.Ok);
                return null;
            case ActivityTypes.ConversationUpdate:
                await teamsEvents.OnConversationUpdateAsync(turn, cancellationToken);
                BotTelemetry.TurnOutcome(TelemetryOutcomes.Ok);
                return null;
            default:
                BotTelemetry.TurnOutcome(TelemetryOutcomes.Skipped);
                return null;
        }
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var language = Languages.FromLocale(activity.Locale);
        var texts = ConversationTexts.For(language);
        var text = activity.TextWithoutMentionOf(activity.Recipient?.Id);

        // A bare mention ("@SofSBot") is a request for help.
        var match = commands.Match(text.Length == 0 ? HelpCommandWord : text);
        if (match is null)
        {
            telemetry.CommandHandled(TelemetryOutcomes.Unknown, TelemetryOutcomes.NotUnderstood);
            var inChannel = activity.Conversation?.ConversationType == "channel";
            await turn.ReplyTextAsync(inChannel ? texts.NotUnderstoodInChannel : texts.NotUnderstoodInChat, cancellationToken);
            return;
        }

        try
        {
            var route = routes.RouteOf(match.Command);
            var teamId = activity.GetTeamsChannelData().Team?.Id;
            UserRoles? roles = null;
            if (route.ResolvesRoles(match.Command.Info.Audience))
            {
                roles = await roleResolver.GetRolesAsync(activity.From ?? new ChannelAccount(), teamId, cancellationToken);
                if (!roles.Allows(match.Command.Info.Audience))
                {
                    telemetry.CommandHandled(match.Command.Info.EnglishName, TelemetryOutcomes.Refused);
                    LogRefused(match.Command.Info.EnglishName, match.Command.Info.Audience);
                    await turn.ReplyTextAsync(RefusalText(texts, match.Command.Info.Audience, roles), cancellationToken);
                    return;
                }
            }

            // The command word's own language wins over the client's locale.
            var commandLanguage = match.Command.Info.LanguageOf(match.Word) ?? language;
            if (!route.Scope.Admits(activity, teamId))
            {
                telemetry.CommandHandled(match.Command.Info.EnglishName, TelemetryOutcomes.Invalid);
                await turn.ReplyTextAsync(route.Scope.Refusal(commandLanguage), cancellationToken);
                return;
            }

            var culture = Languages.CultureFor(activity.Locale, commandLanguage);
            await match.Command.ExecuteAsync(new CommandContext(turn, commandLanguage, culture, roles, teamId, match.Arguments), cancellationToken);
            telemetry.CommandHandled(match.Command.Info.EnglishName, TelemetryOutcomes.Ok);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            telemetry.CommandHandled(match.Command.Info.EnglishName, TelemetryOutcomes.Failed);
            LogCommandFailed(exception, match.Command.Info.EnglishName);
            await TryReplyTextAsync(turn, texts.SomethingWentWrong, cancellationToken);
        }
    }

    private async Task<InvokeResponse> OnCardInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = Languages.FromLocale(turn.Activity.Locale);
        var texts = ConversationTexts.For(language);
        var result = await HandleCardActionAsync(turn, language, texts, cancellationToken);
        return result switch
        {
            { ErrorCode: { } code } => AdaptiveCardInvokeResponse.Error(code, result.Message ?? texts.SomethingWentWrong, ErrorStatus(code)),
            { Card: { } card } => AdaptiveCardInvokeResponse.Card(card),
            _ => AdaptiveCardInvokeResponse.Message(result.Message ?? string.Empty),
        };
    }

    private async Task<InvokeResponse> OnFileConsentAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (FileConsentInvoke.From(turn.Activity) is not { } consent)
        {
            telemetry.InvokeHandled(FileConsentVerb, TelemetryOutcomes.Invalid);
            return new InvokeResponse(StatusCodes.Status400BadRequest, null);
        }

        try
        {
            await fileConsentHandlers.First().HandleAsync(turn, consent, cancellationToken);
            telemetry.InvokeHandled(FileConsentVerb, TelemetryOutcomes.Ok);
            return InvokeResponse.Ok();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            telemetry.InvokeHandled(FileConsentVerb, TelemetryOutcomes.Failed);
            LogFileConsentFailed(exception);
            await TryReplyTextAsync(turn, ConversationTexts.For(Languages.FromLocale(turn.Activity.Locale)).SomethingWentWrong, cancellationToken);
            return new InvokeResponse(StatusCodes.Status500InternalServerError, null);
        }
    }

    private async Task OnCardSubmitAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var language = Languages.FromLocale(turn.Activity.Locale);
        var texts = ConversationTexts.For(language);
        var result = await HandleCardActionAsync(turn, language, texts, cancellationToken);
        if (result.Card is { } card)
        {
            await turn.ReplyAsync(new Activity { Attachments = [Attachment.AdaptiveCard(card)] }, cancellationToken);
        }
        else
        {
            await TryReplyTextAsync(turn, result.Message ?? texts.SomethingWentWrong, cancellationToken);
        }
    }

    private async Task<CardActionResult> HandleCardActionAsync(TurnContext turn, Language language, ConversationTexts texts, CancellationToken cancellationToken)
    {
        var (verb, result) = await DispatchCardActionAsync(turn, language, texts, cancellationToken);
        telemetry.InvokeHandled(verb, result.ErrorCode switch
        {
            null => TelemetryOutcomes.Ok,
            CardActionErrors.Forbidden => TelemetryOutcomes.Refused,
            CardActionErrors.InvalidInput => TelemetryOutcomes.Invalid,
            CardActionErrors.UnknownAction => TelemetryOutcomes.Unknown,
            _ => TelemetryOutcomes.Failed,
        });
        return result;
    }

    /// <summary>
    /// The card action's route and its result; the verb is a mapped one, or "unknown". The audience is
    /// checked first (reading roles only when the route needs them), then the scope, then the handler runs.
    /// </summary>
    private async Task<(string Verb, CardActionResult Result)> DispatchCardActionAsync(TurnContext turn, Language language, ConversationTexts texts, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var action = AdaptiveCardAction.From(activity);
        if (action is null || routes.FindAction(action.Verb) is not { } found)
        {
            LogUnknownVerb(action?.Verb);
            return (TelemetryOutcomes.Unknown, CardActionResult.Refuse(CardActionErrors.UnknownAction, texts.UnknownCardAction));
        }

        var (route, handler) = found;
        var verb = route.Verb;
        try
        {
            var teamId = activity.GetTeamsChannelData().Team?.Id;
            UserRoles? roles = null;
            if (route.ResolvesRoles)
            {
                roles = await roleResolver.GetRolesAsync(activity.From ?? new ChannelAccount(), teamId, cancellationToken);
                if (!roles.Allows(route.Audience))
                {
                    LogRefused(verb, route.Audience);
                    return (verb, CardActionResult.Refuse(CardActionErrors.Forbidden, RefusalText(texts, route.Audience, roles)));
                }
            }

            if (!route.Scope.Admits(activity, teamId))
            {
                LogOutOfScope(verb, route.Scope.Kind);
                return (verb, CardActionResult.Refuse(CardActionErrors.InvalidInput, route.Scope.Refusal(language)));
            }

            var culture = Languages.CultureFor(activity.Locale, language);
            return (verb, await handler(new CardActionContext(turn, action, language, culture, roles, teamId), cancellationToken));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogCardActionFailed(exception, verb);
            return (verb, CardActionResult.Refuse(CardActionErrors.Failed, texts.SomethingWentWrong));
        }
    }

    private async Task ObserveAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        foreach (var observer in observers)
        {
            try
            {
                await observer.ObserveAsync(turn, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogObserverFailed(exception, observer.GetType().Name);
            }
        }
    }

    // Teams documents 400 for errors the user should read; 500 only for our own failures.
    private static int ErrorStatus(string code) =>
        code == CardActionErrors.Failed ? StatusCodes.Status500InternalServerError : StatusCodes.Status400BadRequest;

    private static string RefusalText(ConversationTexts texts, CommandAudience audience, UserRoles roles) => audience switch
    {
        CommandAudience.Coordinators => texts.OnlyForCoordinators,
        _ when roles.LeadershipUnknown => texts.LeadershipUnknown,
        _ => texts.OnlyForTeamLeaders,
    };

    /// <summary>Best effort: used when something already failed and the user must still hear about it.</summary>
    private async Task TryReplyTextAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        try
        {
            await turn.ReplyTextAsync(text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReplyFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Command}: open to {Audience} only")]
    private partial void LogRefused(string command, CommandAudience audience);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Verb}: only in {Scope}")]
    private partial void LogOutOfScope(string verb, RouteScopeKind scope);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A card action with unknown verb {Verb} arrived")]
    private partial void LogUnknownVerb(string? verb);

    [LoggerMessage(Level = LogLevel.Error, Message = "The command {Command} failed")]
    private partial void LogCommandFailed(Exception exception, string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "The card action {Verb} failed")]
    private partial void LogCardActionFailed(Exception exception, string verb);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling the answer to a file consent card failed")]
    private partial void LogFileConsentFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The activity observer {Observer} failed; the activity is handled anyway")]
    private partial void LogObserverFailed(Exception exception, string observer);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not even tell the user that something failed")]
    private partial void LogReplyFailed(Exception exception);
}
