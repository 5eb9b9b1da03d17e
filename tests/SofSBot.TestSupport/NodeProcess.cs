using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SofSBot.TestSupport;

/// <summary>
/// A node tool from the repository's node_modules (Azurite, the Agents Playground), run as a child
/// process. Keeps the last lines of its output for failure messages and kills the whole process tree
/// on dispose.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private const int OutputLinesKept = 300;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly List<OutputWaiter> _outputWaiters = [];
    private readonly Lock _gate = new();

    private NodeProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>The tool's name, used in messages.</summary>
    public string Name { get; }

    /// <summary>The node process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has stopped.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    /// <summary>
    /// Starts <c>node node_modules/{packageName}/{bin script}</c>, the script being the package's
    /// <c>bin</c> entry called <paramref name="binName"/> (what node_modules/.bin/{binName} links to).
    /// </summary>
    public static NodeProcess StartTool(
        string packageName,
        string binName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        RepositoryPaths.RequireNodeModules();
        var script = ResolveBinScript(packageName, binName);

        var startInfo = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? RepositoryPaths.Root,
        };
        startInfo.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var nodeProcess = new NodeProcess(binName, process);
        process.OutputDataReceived += (_, e) => nodeProcess.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => nodeProcess.OnOutput(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start 'node'. Install Node.js 20 or later and put it on PATH.", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return nodeProcess;
    }

    /// <summary>Waits until a line of output matches <paramref name="pattern"/> (lines already seen count).</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var waiter = new OutputWaiter(pattern);
        lock (_gate)
        {
            foreach (var line in _output)
            {
                var match = pattern.Match(line);
                if (match.Success)
                {
                    return match;
                }
            }

            _outputWaiters.Add(waiter);
        }

        try
        {
            var deadline = Task.Delay(timeout, cancellationToken);
            var exited = _process.WaitForExitAsync(cancellationToken);
            var first = await Task.WhenAny(waiter.Completion.Task, deadline, exited);
            if (first == waiter.Completion.Task)
            {
                return await waiter.Completion.Task;
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (first == exited)
            {
                // Output events can trail the exit; give them a moment before failing.
                await Task.Delay(PollInterval, cancellationToken);
                if (waiter.Completion.Task.IsCompleted)
                {
                    return await waiter.Completion.Task;
                }

                throw Failure($"exited (code {_process.ExitCode}) before printing /{pattern}/");
            }

            throw Failure($"did not print /{pattern}/ within {timeout.TotalSeconds:0.#} s");
        }
        finally
        {
            lock (_gate)
            {
                _outputWaiters.Remove(waiter);
            }
        }
    }

    /// <summary>Waits until something accepts TCP connections on the loopback port.</summary>
    public async Task WaitForTcpPortAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            ThrowIfExited($"waiting for port {port}");
            using (var client = new TcpClient())
            {
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return;
                }
                catch (SocketException)
                {
                    // Not listening yet.
                }
            }

            if (started.Elapsed > timeout)
            {
                throw Failure($"did not listen on port {port} within {timeout.TotalSeconds:0.#} s");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Waits until <paramref name="url"/> answers a GET with a success status.</summary>
    public async Task WaitForHttpAsync(Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        var lastProblem = "no answer";
        while (true)
        {
            ThrowIfExited($"waiting for {url}");
            try
            {
                using var response = await http.GetAsync(url, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastProblem = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException exception)
            {
                lastProblem = exception.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                lastProblem = "timed out";
            }

            if (started.Elapsed > timeout)
            {
                throw Failure($"did not answer {url} within {timeout.TotalSeconds:0.#} s (last: {lastProblem})");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>An exception that names this process and carries the tail of its output.</summary>
    public InvalidOperationException Failure(string what) =>
        new($"{Name} (pid {_process.Id}) {what}. Its last output:{Environment.NewLine}{Output}");

    /// <summary>Kills the process and everything it started.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // Refused to die within the timeout; nothing more a test can do.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static string ResolveBinScript(string packageName, string binName)
    {
        var packageDirectory = Path.Combine(RepositoryPaths.NodeModules, packageName);
        var packageJson = Path.Combine(packageDirectory, "package.json");
        if (!File.Exists(packageJson))
        {
            throw new InvalidOperationException(
                $"'{packageJson}' is missing. Run 'npm ci' in the repository root (scripts/test.sh does this for you).");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
        var bin = document.RootElement.GetProperty("bin");
        var relative = bin.ValueKind == JsonValueKind.String
            ? bin.GetString()
            : bin.TryGetProperty(binName, out var entry) ? entry.GetString() : null;
        return relative is null
            ? throw new InvalidOperationException($"Package '{packageName}' has no bin called '{binName}'.")
            : Path.GetFullPath(Path.Combine(packageDirectory, relative));
    }

    private void ThrowIfExited(string doing)
    {
        if (_process.HasExited)
        {
            throw Failure($"exited (code {_process.ExitCode}) while {doing}");
        }
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Enqueue(line);
            while (_output.Count > OutputLinesKept)
            {
                _output.Dequeue();
            }

            foreach (var waiter in _outputWaiters)
            {
                var match = waiter.Pattern.Match(line);
                if (match.Success)
                {
                    waiter.Completion.TrySetResult(match);
                }
            }
        }
    }

    private sealed record OutputWaiter(Regex Pattern)
    {
        public TaskCompletionSource<Match> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
