using System.Security.Cryptography;
using System.Text;
using SofSBot.BotFramework.Invoke;
using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Ratings.Catalogue;

/// <summary>
/// Makes an add idempotent per form: every card with an add button carries a random form id, and the
/// add claims <c>{what}|{formId}|{hash of what was typed}</c> before it stores anything. A double press,
/// or Teams retrying a slow invoke, sends the same form id and text and finds the claim taken, so it
/// is answered as if saved and stores nothing. The text is part of the key because a card answered by
/// a plain message (Action.Submit) stays in the chat with its form id, and a second, different goal
/// typed into it must still be added. The key holds a hash, never the text.
/// </summary>
internal static class AddOnce
{
    public const string FormIdField = "formId";

    /// <summary>The <c>Claims</c> scope; the keys name no person.</summary>
    public const string ClaimScope = "catalogue-add";

    private const int MaxFormIdLength = 64;

    // An earlier press stores in well under a second; a few seconds is as long as a card may wait.
    private const int MaxWaits = 20;
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(250);

    // An add is one or two table writes: a claim whose instance died before storing is free again soon.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    public static string NewFormId() => Guid.NewGuid().ToString("N");

    /// <summary>The claim key of this add; null for a card without a form id (sent before cards had one), which is then not guarded.</summary>
    public static string? Key(AdaptiveCardAction action, string what, params string[] content) =>
        action.GetDataString(FormIdField) is { Length: > 0 and <= MaxFormIdLength } formId
            ? $"{what}|{formId}|{Hash(content)}"
            : null;

    /// <summary>What a press that finds the same add still being stored is told, after waiting a few seconds.</summary>
    public static readonly LocalizedText StillSaving = new(
        "Det sparas fortfarande från ett tidigare tryck. Titta i listan om en stund.",
        "It is still being saved from an earlier press. Look at the list in a moment.");

    /// <summary>
    /// Whether this press stores the add. When the same form and text are being stored by an earlier
    /// press, waits a few seconds for it: only a stored add is reported as added (the earlier press may
    /// still be refused, and then this press gets its turn).
    /// </summary>
    public static async Task<AddClaim> TryClaimAsync(IClaimStore claims, string? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return AddClaim.Store;
        }

        for (var wait = 0; ; wait++)
        {
            switch (await claims.TryClaimAsync(ClaimScope, key, ClaimLease, cancellationToken))
            {
                case ClaimOutcome.Claimed:
                    return AddClaim.Store;
                case ClaimOutcome.Done:
                    return AddClaim.AlreadyAdded;
                case ClaimOutcome.Held when wait >= MaxWaits:
                    return AddClaim.StillSaving;
            }

            await Task.Delay(WaitStep, cancellationToken);
        }
    }

    /// <summary>Marks the add as stored, so the same form and text never add again.</summary>
    public static Task CompleteAsync(IClaimStore claims, string? key) =>
        key is null ? Task.CompletedTask : claims.CompleteAsync(ClaimScope, key, CancellationToken.None);

    /// <summary>Gives the claim back when the add was refused or failed after the claim, so the form can be sent again.</summary>
    public static Task ReleaseAsync(IClaimStore claims, string? key) =>
        key is null ? Task.CompletedTask : claims.ReleaseAsync(ClaimScope, key, CancellationToken.None);

    private static string Hash(string[] content)
    {
        // Case and surrounding spaces do not make another goal (the duplicate checks ignore them too).
        var text = string.Join('\n', content.Select(part => part.Trim().ToUpperInvariant()));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }
}

/// <summary>What a press of an add button does.</summary>
internal enum AddClaim
{
    /// <summary>This press stores the add (and completes or gives back the claim).</summary>
    Store,

    /// <summary>The same form and text were stored by an earlier press.</summary>
    AlreadyAdded,

    /// <summary>An earlier press is still storing it after the wait.</summary>
    StillSaving,
}
