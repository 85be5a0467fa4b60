namespace Crm.Sdk.Data;

/// <summary>
/// Memory for the small, seldom-changed data that pages read on every request: pipelines and their stages, the staff and
/// their roles. An entry is dropped as soon as a save through any of the installation's contexts changes a row of one of
/// the entity types it was read from, so a page never shows what an administrator has just changed; it is also dropped
/// after half a minute, for changes the host cannot see (another process, a bulk <c>ExecuteUpdate</c>: call
/// <see cref="Changed"/> after one). What is kept is shared by every request: keep it immutable.
/// </summary>
public interface IReferenceCache
{
    /// <summary>The value under <paramref name="key"/> (prefix it with the module id), loaded by <paramref name="load"/> when missing.</summary>
    /// <remarks><paramref name="readFrom"/> names the entity types <paramref name="load"/> reads: a save that changes one of them drops the value.</remarks>
    Task<T> GetAsync<T>(string key, IReadOnlyList<Type> readFrom, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
        where T : class;

    /// <summary>Drops every value read from <paramref name="entityType"/>, after a write that went around the change tracker.</summary>
    void Changed(Type entityType);
}
