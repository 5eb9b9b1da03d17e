using System.Text.Json.Nodes;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>
/// A compiled ARM template (bicep build) read as JSON: its resources, those of the modules nested in
/// it (Microsoft.Resources/deployments with an inline template) included, each with the template
/// that holds it so that its variables and parameters can be looked at.
/// </summary>
internal sealed class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    /// <summary>Every resource, at any depth, with the name of the module (nested deployment) it is in ("" at the top).</summary>
    public IReadOnlyList<ArmResource> Resources => [.. Walk(Root, string.Empty)];

    public IReadOnlyList<ArmResource> OfType(string type) =>
        [.. Resources.Where(resource => string.Equals(resource.Type, type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The single resource of a type; fails if there are none or several.</summary>
    public ArmResource Single(string type)
    {
        var found = OfType(type);
        Assert.True(found.Count == 1, $"Expected one {type} in the compiled template, found {found.Count}.");
        return found[0];
    }

    /// <summary>The inline template of a module (nested deployment) by its deployment name.</summary>
    public JsonObject Module(string name)
    {
        var module = OfType("Microsoft.Resources/deployments").SingleOrDefault(resource => resource.Name == name);
        Assert.True(module is not null, $"main.bicep has no module deployed as '{name}'.");
        return module.Json["properties"]!["template"]!.AsObject();
    }

    private static IEnumerable<ArmResource> Walk(JsonObject template, string module)
    {
        // languageVersion 2.0 templates hold resources in an object keyed by symbolic name.
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject byName => byName.Select(entry => entry.Value).OfType<JsonObject>(),
            _ => [],
        };

        foreach (var resource in resources)
        {
            var armResource = new ArmResource(resource, template, module);
            yield return armResource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Walk(nested, armResource.Name))
                {
                    yield return inner;
                }
            }
        }
    }
}
