using SofSBot.Localization;

namespace SofSBot.Export;

/// <summary>A finished export kept for the coordinator it was made for until they accept or decline it.</summary>
/// <param name="ExportId">The blob's name: random, unguessable, the only thing the consent card carries.</param>
/// <param name="UserId">The coordinator's Teams user id; no one else may take the file.</param>
/// <param name="Description">Shown on the consent card (offered again after a failed upload).</param>
internal sealed record ExportFile(
    string ExportId,
    string UserId,
    string FileName,
    string Description,
    DateTimeOffset CreatedAt,
    Language Language,
    long SizeInBytes);
