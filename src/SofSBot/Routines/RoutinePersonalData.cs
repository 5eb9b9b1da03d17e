using Azure.Data.Tables;
using SofSBot.Privacy;
using SofSBot.Storage;

namespace SofSBot.Routines;

/// <summary>The routines' personal data, one <see cref="TablePersonalData"/> each.</summary>
internal static class RoutinePersonalData
{
    private static readonly PersonalField HighlightAuthor = new("UserId", "UserName", DeleteRow: true);
    private static readonly PersonalField Booker = new("UserId", "UserName", DeleteRow: true);
    private static readonly PersonalField NoteAuthor = new("AuthorId", "AuthorName", DeleteRow: false);
    private static readonly PersonalField Interviewee = new("IntervieweeId", "IntervieweeName", DeleteRow: false);

    public static IServiceCollection AddRoutinePersonalData(this IServiceCollection services)
    {
        // Each replaces the cards in Teams that showed what it erased.
        services.AddSingleton<PostedCardReplacer>();
        services.AddSingleton<ErasedRoutineCards>();
        services.AddSingleton<IPersonalDataSource>(provider => new TablePersonalData(
            provider.GetRequiredService<TableProvider>(), Highlights.TableHighlightsStore.TableName, [HighlightAuthor], Highlight,
            provider.GetRequiredService<ErasedRoutineCards>().HighlightsAsync));
        services.AddSingleton<IPersonalDataSource>(provider => new TablePersonalData(
            provider.GetRequiredService<TableProvider>(), CaseSupervision.TableCaseSupervisionStore.TableName, [Booker], Booking,
            provider.GetRequiredService<ErasedRoutineCards>().CaseSupervisionAsync));
        services.AddSingleton<IPersonalDataSource>(provider => new TablePersonalData(
            provider.GetRequiredService<TableProvider>(), AppreciativeInquiry.TableLearningLog.TableName, [NoteAuthor, Interviewee], LearningLog,
            provider.GetRequiredService<ErasedRoutineCards>().LearningLogAsync));
        return services;
    }

    private static PersonalDataItem Highlight(TableEntity row, PersonalField field)
    {
        // PartitionKey: {team}|{year}-W{ww}.
        var week = row.PartitionKey[(row.PartitionKey.LastIndexOf('|') + 1)..];
        var text = row.GetString("Text") ?? string.Empty;
        return new(new("Veckans highlights", "Highlights of the week"), new($"{week}: {text}", $"{week}: {text}"), row.GetDateTimeOffset("AddedAt"));
    }

    private static PersonalDataItem Booking(TableEntity row, PersonalField field)
    {
        var question = row.GetString("Question");
        return new(
            new("Ärendehandledning", "Case supervision"),
            new(
                "Bokad plats" + (string.IsNullOrEmpty(question) ? string.Empty : $", frågeställning: {question}"),
                "Booked slot" + (string.IsNullOrEmpty(question) ? string.Empty : $", question: {question}")),
            row.GetDateTimeOffset("BookedAt"));
    }

    private static PersonalDataItem LearningLog(TableEntity row, PersonalField field) => field == Interviewee
        ? new(new("Uppskattande intervju", "Appreciative inquiry"), new("Du berättade om din highlight (ditt namn)", "You told the story of your highlight (your name)"), row.Timestamp)
        : new(
            new("Uppskattande intervju", "Appreciative inquiry"),
            new($"Du sparade anteckningen \"{row.GetString("Text")}\" (ditt namn; texten är teamets och blir kvar)", $"You saved the note \"{row.GetString("Text")}\" (your name; the text is the team's and stays)"),
            row.GetDateTimeOffset("SavedAt"));
}
