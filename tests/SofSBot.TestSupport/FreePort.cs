using System.Net;
using System.Net.Sockets;

namespace SofSBot.TestSupport;

/// <summary>Free loopback TCP ports, so parallel test runs never collide on fixed ports.</summary>
public static class FreePort
{
    // Ports handed out by this process: the OS may offer a port again as soon as the probe closes it,
    // and two fixtures starting at once would then both be told to listen on it.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port that was free a moment ago and that this process has not handed out before. Another
    /// process may still take it before it is used; callers that can, read the port the server actually
    /// bound, or start again on new ports (see <see cref="AzuriteFixture"/>).
    /// </summary>
    public static int Next()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
