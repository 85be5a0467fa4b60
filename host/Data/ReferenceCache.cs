using System.Collections.Concurrent;
using Crm.Sdk.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Crm.Host.Data;

/// <summary>
/// <see cref="IReferenceCache"/> over the host's memory cache. Every entity type has a generation, which
/// <see cref="ReferenceChanges"/> moves on when a save changes a row of that type. A value is kept under its key together
/// with the generations of the types it was read from, so after a change the next read misses and loads afresh.
/// </summary>
public sealed class ReferenceCache(IMemoryCache cache) : IReferenceCache
{
    static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    readonly ConcurrentDictionary<Type, long> _generations = new();

    public async Task<T> GetAsync<T>(string key, IReadOnlyList<Type> readFrom, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class
    {
        // The generations are read before loading: a change saved while the load runs leaves this value under an old key.
        var entryKey = (typeof(ReferenceCache), key, string.Join(',', readFrom.Select(t => _generations.GetValueOrDefault(t))));
        if (cache.TryGetValue(entryKey, out T? value)) return value!;
        value = await load(cancellationToken);
        cache.Set(entryKey, value, Lifetime);
        return value;
    }

    public void Changed(Type entityType) => _generations.AddOrUpdate(entityType, 1, (_, generation) => generation + 1);
}
