using System.Text.RegularExpressions;
using SofSBot.TestSupport;

namespace SofSBot.Deployment.Tests.Support;

/// <summary>
/// The parts of a .bicep file in infra/ that the tests compare with the app: parameters and their
/// allowed values, outputs, app settings and tags, read from the text (CompiledTemplateTests checks
/// the compiled template) with patterns that follow how infra/ is written: one declaration a line,
/// app settings as multi-line <c>{ name: '…' value: … }</c> objects.
/// </summary>
internal sealed partial class BicepFile
{
    private BicepFile(string path, string text)
    {
        Path = path;
        Text = WithoutComments(text);
    }

    public string Path { get; }

    /// <summary>The file without its // comments.</summary>
    public string Text { get; }

    /// <summary>Reads a file below infra/, e.g. <c>Load("modules", "web.bicep")</c>.</summary>
    public static BicepFile Load(params string[] pathBelowInfra)
    {
        var path = RepositoryPaths.Combine(["infra", .. pathBelowInfra]);
        return new BicepFile(path, File.ReadAllText(path));
    }

    /// <summary>Parameter names, each with whether it has a default value.</summary>
    public IReadOnlyDictionary<string, bool> Parameters =>
        ParameterDeclaration().Matches(Text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);

    /// <summary>
    /// Parameters that azd generates on the first provision and keeps in the environment
    /// (<c>@metadata({ azd: { type: 'generate' … } })</c>), so no parameters file sets them.
    /// </summary>
    public IReadOnlyList<string> AzdGeneratedParameters =>
        [.. AzdGeneratedParameter().Matches(Text).Select(m => m.Groups["name"].Value)];

    public IReadOnlyList<string> OutputNames =>
        [.. OutputDeclaration().Matches(Text).Select(m => m.Groups["name"].Value)];

    /// <summary>
    /// The app settings (objects with a <c>name</c> and a <c>value</c>): each name as written (an
    /// interpolation such as <c>${index}</c> included) with its value's Bicep expression.
    /// </summary>
    public IReadOnlyList<(string Name, string Value)> AppSettings =>
        [.. AppSetting().Matches(Text).Select(m => (m.Groups["name"].Value, m.Groups["value"].Value.Trim()))];

    /// <summary>The values of the <c>@allowed([...])</c> decorator of a parameter.</summary>
    public IReadOnlyList<string> AllowedValues(string parameterName)
    {
        var decorator = new Regex(
            @"@allowed\(\[(?<values>[^\]]*)\]\)\s*(?:@\w+\([^\r\n]*\)\s*)*param\s+" + Regex.Escape(parameterName) + @"\b");
        var match = decorator.Match(Text);
        Assert.True(match.Success, $"{Path}: no @allowed values for parameter '{parameterName}'.");
        return [.. QuotedString().Matches(match.Groups["values"].Value).Select(m => m.Groups["value"].Value)];
    }

    /// <summary>The single-quoted string value of a property such as <c>healthCheckPath</c>.</summary>
    public string PropertyValue(string property)
    {
        var match = new Regex(@"['""]?" + Regex.Escape(property) + @"['""]?:\s*'(?<value>[^']*)'").Match(Text);
        Assert.True(match.Success, $"{Path}: no property '{property}' with a string value.");
        return match.Groups["value"].Value;
    }

    private static string WithoutComments(string text) => LineComment().Replace(text, "$1");

    // "//" starts a comment at the start of a line or after white space; "https://" does not.
    [GeneratedRegex(@"(^|\s)//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"^param\s+(?<name>\w+)\s+\w+(?<default>\s*=.*)?\s*$", RegexOptions.Multiline)]
    private static partial Regex ParameterDeclaration();

    [GeneratedRegex(@"@metadata\(\{\s*azd:\s*\{\s*type:\s*'generate'[^@]*?^param\s+(?<name>\w+)\s", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex AzdGeneratedParameter();

    [GeneratedRegex(@"^output\s+(?<name>\w+)\s+\w+\s*=", RegexOptions.Multiline)]
    private static partial Regex OutputDeclaration();

    [GeneratedRegex(@"\bname:\s*'(?<name>[^']+)'\s*\r?\n\s*value:\s*(?<value>[^\r\n]+)")]
    private static partial Regex AppSetting();

    [GeneratedRegex(@"'(?<value>[^']*)'")]
    private static partial Regex QuotedString();
}
