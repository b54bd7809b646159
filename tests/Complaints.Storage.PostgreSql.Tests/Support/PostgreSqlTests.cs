namespace Complaints.Storage.PostgreSql.Tests.Support;

/// <summary>
/// The test classes that use the server run one after another: each store is a connection pool of its own, and the
/// concurrency tests open many connections, which together must stay under the server's <c>max_connections</c>.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class PostgreSqlTests
{
    public const string Collection = "PostgreSQL";
}
