using System.Text.Json;
using SofSBot.BotFramework.Activities;

namespace SofSBot.BotFramework.Tests.Activities;

/// <summary>Realistic Teams payloads kept as JSON files beside the tests.</summary>
internal static class Payload
{
    public static string Json(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Activities", "Payloads", name + ".json"));

    public static Activity Activity(string name) =>
        JsonSerializer.Deserialize<Activity>(Json(name), BotJson.Options)
        ?? throw new InvalidOperationException($"{name} is empty");
}
