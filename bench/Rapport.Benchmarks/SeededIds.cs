using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Rapport.ClientBase;
using Rapport.People;

namespace Rapport.Benchmarks;

/// <summary>
/// Version 7 GUIDs that follow from a seed: time-ordered like the ones entities make for themselves (so rows go in
/// at the end of every key index), but the same on every run, so that SQLite and PostgreSQL hold the same ids and a
/// load test asks both databases for the same rows.
/// </summary>
internal sealed class SeededIds(int seed)
{
    /// <summary>The instant of the first id; each next id is a millisecond later.</summary>
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly Random _random = new(seed);
    private long _milliseconds = Start.ToUnixTimeMilliseconds();

    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, _milliseconds++);
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    // Entities give themselves a random id in their constructor and keep the setter private; only a generator
    // that wants repeatable ids has reason to set one, so it reaches the setter here rather than widening the entities.
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Employee employee, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Team team, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Account account, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Contact contact, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Interaction interaction, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Relationship relationship, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Rapport.Staffing.Candidate candidate, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Rapport.Staffing.EvidenceRecord record, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Rapport.Service.ServiceCase serviceCase, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Rapport.Service.CaseReply reply, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Rapport.Service.Subscription subscription, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Rapport.Deals.Product product, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Rapport.Deals.DealLine line, Guid id);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Id")]
    public static extern void SetId(Rapport.Deals.Quota quota, Guid id);
}
