using System.Buffers.Binary;
using System.Globalization;

namespace Wharf.Core.Arns;

/// <summary>
/// Makes new ECS ids from an injected source of GUIDs, so tests can make them deterministic
/// (pass a function returning a known sequence). <see cref="Random"/> uses <see cref="Guid.NewGuid"/>,
/// whose bits come from the OS's cryptographic generator. Thread-safe when the source is.
/// </summary>
/// <param name="newGuid">Returns a fresh GUID on every call.</param>
public sealed class EcsIdGenerator(Func<Guid> newGuid)
{
    private const ulong NineteenDigitFloor = 1_000_000_000_000_000_000;

    /// <summary>Ids from random GUIDs.</summary>
    public static EcsIdGenerator Random { get; } = new(Guid.NewGuid);

    /// <summary>32 lowercase hex characters, e.g. <c>0123456789abcdef0123456789abcdef</c>.</summary>
    public string NewTaskId() => newGuid().ToString("N");

    /// <summary>32 lowercase hex characters, as ECS issues them today.</summary>
    public string NewContainerInstanceId() => newGuid().ToString("N");

    /// <summary>A lowercase hyphenated UUID, the last segment of a container ARN.</summary>
    public string NewContainerId() => newGuid().ToString("D");

    /// <summary><c>ecs-svc/</c> and 19 digits, the shape of ECS deployment ids.</summary>
    public string NewDeploymentId() => NewServiceScopedId();

    /// <summary><c>ecs-svc/</c> and 19 digits, the shape of ECS task set ids.</summary>
    public string NewTaskSetId() => NewServiceScopedId();

    private string NewServiceScopedId()
    {
        Span<byte> bytes = stackalloc byte[16];
        newGuid().TryWriteBytes(bytes);
        // Always 19 digits, never a leading zero: the floor plus a value below the 19-digit span.
        var value = NineteenDigitFloor + (BinaryPrimitives.ReadUInt64LittleEndian(bytes) % (9 * NineteenDigitFloor));
        return "ecs-svc/" + value.ToString(CultureInfo.InvariantCulture);
    }
}
