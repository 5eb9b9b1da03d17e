using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SofSBot.TestSupport;

/// <summary>
/// Listens on the Playground's websocket (what its web UI uses) and collects every message the bot
/// creates or updates, in every conversation. The Playground does not replay history, so connect
/// before the bot speaks.
/// </summary>
public sealed class PlaygroundOutputListener : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<PlaygroundOutput> _messages = [];
    private readonly List<(Func<PlaygroundOutput, bool> Predicate, TaskCompletionSource<PlaygroundOutput> Completion)> _waiters = [];
    private readonly Lock _gate = new();
    private Task _receiving = Task.CompletedTask;
    private Exception? _receiveFailure;

    private PlaygroundOutputListener(ClientWebSocket socket) => _socket = socket;

    /// <summary>Everything received so far, oldest first.</summary>
    public IReadOnlyList<PlaygroundOutput> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Connects to <c>ws://…/_ws_conversation/v1/conversations/stream</c> of the Playground at <paramref name="playgroundAddress"/>.</summary>
    public static async Task<PlaygroundOutputListener> ConnectAsync(Uri playgroundAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(playgroundAddress);
        var builder = new UriBuilder(playgroundAddress)
        {
            Scheme = playgroundAddress.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = "/_ws_conversation/v1/conversations/stream",
        };
        var socket = new ClientWebSocket();
        try
        {
            await socket.ConnectAsync(builder.Uri, cancellationToken);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var listener = new PlaygroundOutputListener(socket);
        listener._receiving = Task.Run(listener.ReceiveAsync, CancellationToken.None);
        return listener;
    }

    /// <summary>
    /// The first message (already received or still to come) that matches, e.g.
    /// <c>m =&gt; m.IsIn(conversationId) &amp;&amp; m.Text?.Contains("Hej") == true</c>.
    /// </summary>
    public async Task<PlaygroundOutput> WaitForMessageAsync(
        Func<PlaygroundOutput, bool> predicate,
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var completion = new TaskCompletionSource<PlaygroundOutput>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var existing = _messages.FirstOrDefault(predicate);
            if (existing is not null)
            {
                return existing;
            }

            if (_receiveFailure is not null)
            {
                throw new InvalidOperationException("The Playground websocket has closed.", _receiveFailure);
            }

            _waiters.Add((predicate, completion));
        }

        var limit = timeout ?? DefaultTimeout;
        try
        {
            return await completion.Task.WaitAsync(limit, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"No matching bot message arrived within {limit.TotalSeconds:0.#} s. Received so far:{Environment.NewLine}{Describe()}");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.RemoveAll(w => w.Completion == completion);
            }
        }
    }

    /// <summary>Forgets what was received so far (waiters keep waiting).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _messages.Clear();
        }
    }

    /// <summary>One line per message received, for failure messages.</summary>
    public string Describe()
    {
        var messages = Messages;
        return messages.Count == 0
            ? "  (nothing)"
            : string.Join(Environment.NewLine, messages.Select(m => $"  {m.Action} {m.ConversationId} #{m.MessageId}: {m.Text ?? $"[{m.Attachments.Count} attachment(s)]"}"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new WebSocketException("The Playground closed the websocket.");
                }

                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length);
                frame.SetLength(0);
                if (JsonNode.Parse(text) is JsonObject json && PlaygroundOutput.TryParse(json) is { } output)
                {
                    Add(output);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
        catch (Exception exception) when (exception is WebSocketException or System.Text.Json.JsonException)
        {
            Fail(exception);
        }
    }

    private void Add(PlaygroundOutput output)
    {
        lock (_gate)
        {
            _messages.Add(output);
            foreach (var (predicate, completion) in _waiters)
            {
                if (predicate(output))
                {
                    completion.TrySetResult(output);
                }
            }
        }
    }

    private void Fail(Exception exception)
    {
        lock (_gate)
        {
            _receiveFailure = exception;
            foreach (var (_, completion) in _waiters)
            {
                completion.TrySetException(new InvalidOperationException("The Playground websocket has closed.", exception));
            }
        }
    }
}
