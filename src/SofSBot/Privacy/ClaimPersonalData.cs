using SofSBot.Localization;
using SofSBot.Storage;

namespace SofSBot.Privacy;

/// <summary>
/// "Mina data" for claims whose key names a user (a reminder sent to them, a welcome they got): the
/// claim is a record that something was done for that person. Erasing gives the claim back, so the
/// record goes — the price is that the same thing may be done once more (e.g. a welcome after a
/// reinstall), which is better than keeping an id the person asked us to erase.
/// </summary>
/// <param name="userOf">The user id (Teams or Entra) a claim key names, or null if it names none.</param>
internal sealed class ClaimPersonalData(
    IClaimStore claims,
    string scope,
    Func<string, string?> userOf,
    Func<ClaimRecord, PersonalDataItem> describe) : IPersonalDataSource
{
    public async Task<IReadOnlyList<PersonalDataItem>> FindAsync(DataSubject subject, CancellationToken cancellationToken) =>
        [.. (await ClaimsOfAsync(subject, cancellationToken)).Select(describe)];

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var claim in await ClaimsOfAsync(subject, cancellationToken))
        {
            await claims.ReleaseAsync(scope, claim.Key, cancellationToken);
            erased++;
        }

        return erased;
    }

    /// <summary>The last <c>|</c>-separated part of a key, the convention for claims per user.</summary>
    public static string? LastPart(string key) => key.LastIndexOf('|') is var bar and >= 0 ? key[(bar + 1)..] : null;

    public static PersonalDataItem Item(LocalizedText feature, LocalizedText description, ClaimRecord claim) =>
        new(feature, description, claim.ClaimedAt);

    private async Task<IReadOnlyList<ClaimRecord>> ClaimsOfAsync(DataSubject subject, CancellationToken cancellationToken) =>
        [.. (await claims.ListAsync(scope, cancellationToken)).Where(claim => subject.Is(userOf(claim.Key)))];
}
