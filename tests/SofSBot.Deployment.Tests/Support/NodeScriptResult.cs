namespace SofSBot.Deployment.Tests.Support;

internal sealed record NodeScriptResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
