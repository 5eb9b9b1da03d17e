using System.ComponentModel.DataAnnotations;

namespace SofSBot.BotFramework.Hosting;

/// <summary>Limits of the messaging endpoint.</summary>
public sealed class BotEndpointOptions
{
    public const string SectionName = "Bot:Endpoint";

    /// <summary>
    /// The largest activity accepted. Teams' activities are a few kilobytes; a card submission with
    /// every input filled stays well below this.
    /// </summary>
    [Range(1_024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;
}
