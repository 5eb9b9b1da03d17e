using System.Net;

namespace SofSBot.Export;

/// <summary>The upload session refused a chunk for good, or never answered after every retry.</summary>
/// <param name="statusCode">The last answer's status; null when there was none.</param>
internal sealed class ExportUploadException(HttpStatusCode? statusCode, Exception? innerException = null)
    : Exception(statusCode is { } status ? $"The upload session answered HTTP {(int)status}." : "The upload session did not answer.", innerException)
{
    public HttpStatusCode? StatusCode { get; } = statusCode;
}
