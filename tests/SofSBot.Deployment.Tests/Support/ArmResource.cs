using System.Text.Json.Nodes;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>One resource of a compiled ARM template, the template that declares it, and the module it is in.</summary>
internal sealed record ArmResource(JsonObject Json, JsonObject Template, string Module)
{
    public string Type => Json["type"]!.GetValue<string>();

    /// <summary>The name as written: a literal, or an ARM expression such as <c>[parameters('name')]</c>.</summary>
    public string Name => Json["name"]?.GetValue<string>() ?? string.Empty;

    /// <summary>The resource's <c>properties</c>, or an empty object.</summary>
    public JsonObject Properties => Json["properties"] as JsonObject ?? [];

    /// <summary>The <c>scope</c> of an extension resource (e.g. a role assignment), or null when it is deployed at its template's scope.</summary>
    public string? Scope => Json["scope"]?.GetValue<string>();

    /// <summary>The value of a variable of the declaring template.</summary>
    public JsonNode? Variable(string name) => Template["variables"]?[name];
}
