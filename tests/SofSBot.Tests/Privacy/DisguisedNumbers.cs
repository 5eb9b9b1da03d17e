namespace SofSBot.Tests.Privacy;

/// <summary>
/// Valid personal identity and coordination numbers written the ways the guard once missed: a line
/// break, an em dash, a doubled hyphen, an invisible character, a slash or a dot between the parts,
/// other scripts' digits, a comma, underscore or colon, a combining mark.
/// Every one is refused at every place where free text is stored.
/// </summary>
internal static class DisguisedNumbers
{
    public const string SwedishRefusal = "Texten ser ut att innehålla ett personnummer eller samordningsnummer.";

    public const string EnglishRefusal = "The text seems to contain a Swedish personal identity number or coordination number.";

    /// <summary>The numbers' date parts: none may appear in an answer or a stored row.</summary>
    public static readonly string[] Parts = ["811218", "701063"];

    public static TheoryData<string> All =>
    [
        "811218\n9876",
        "811218\u20149876", // em dash
        "811218--9876",
        "811218\u200B9876", // zero-width space
        "811218\u00AD9876", // soft hyphen
        "811218/9876",
        "811218.9876",
        "19811218\u20149876",
        "701063/2391", // a coordination number
        "８１１２１８-９８７６", // full-width digits
        "811218_9876",
        "81\u03011218:9876", // a combining mark and a colon
    ];

    /// <summary>The refusal in the language of <paramref name="locale"/>.</summary>
    public static string Refusal(string locale) => locale.StartsWith("en", StringComparison.Ordinal) ? EnglishRefusal : SwedishRefusal;

    /// <summary>Whether <paramref name="text"/> shows any part of the numbers.</summary>
    public static bool Shows(string text) => Parts.Any(part => text.Contains(part, StringComparison.Ordinal));
}
