using System.Globalization;
using SofSBot.Localization;

namespace SofSBot.Routines.Highlights;

/// <summary>
/// The member a personal view is for, in their client's language. <paramref name="InputValue"/>
/// replaces what the input would show (their stored text): the text they typed after a length error,
/// or empty after a refused personal identity number, which must never be echoed back.
/// </summary>
internal sealed record HighlightsViewer(string UserId, Language Language, CultureInfo Culture, HighlightsNotice? Notice = null, string? InputValue = null);
