using System.Net;
using System.Net.Sockets;

namespace SofSBot.TestSupport;

/// <summary>Free loopback TCP ports, so parallel test runs never collide on fixed ports.</summary>
public static class FreePort
{
    /// <summary>
    /// A port that was free a moment ago. Another process may still take it before it is used;
    /// callers that can, read the port the server actually bound.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
