namespace SofSBot.BotFramework.Tests.Connector;

/// <summary>A non-seekable stream, so <see cref="StreamContent"/> cannot rewind it for a second send.</summary>
internal sealed class ReadOnceStream(byte[] data) : MemoryStream(data)
{
    public override bool CanSeek => false;

    public override long Position
    {
        get => base.Position;
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
}
