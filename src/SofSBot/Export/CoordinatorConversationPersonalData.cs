using SofSBot.Localization;
using SofSBot.Privacy;

namespace SofSBot.Export;

/// <summary>"Mina data" for coordinators: the personal chat SofSBot keeps so the period-end message reaches them.</summary>
internal sealed class CoordinatorConversationPersonalData(ICoordinatorConversationStore conversations) : IPersonalDataSource
{
    private static readonly LocalizedText Feature = new("Meddelande när en skattningsperiod är slut", "Message when a rating period ends");

    private static readonly LocalizedText Description = new(
        "Var din personliga chatt med SofSBot finns och vilket språk du skriver på, så att du som samordnare får meddelandet när en skattningsperiod är slut. Sparas igen nästa gång du skriver till SofSBot.",
        "Where your personal chat with SofSBot is and which language you write in, so that you as coordinator get the message when a rating period ends. Stored again the next time you write to SofSBot.");

    public async Task<IReadOnlyList<PersonalDataItem>> FindAsync(DataSubject subject, CancellationToken cancellationToken) =>
        [.. (await conversations.FindByUserAsync(subject.UserId, cancellationToken)).Select(found => new PersonalDataItem(Feature, Description, found.UpdatedAt))];

    public async Task<int> EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var found = await conversations.FindByUserAsync(subject.UserId, cancellationToken);
        foreach (var conversation in found)
        {
            await conversations.DeleteAsync(conversation.AadObjectId, cancellationToken);
        }

        return found.Count;
    }
}
