using System.Text;
using VoortgangApi.Core.OpenData;
using VoortgangApi.Tests.Infrastructure;

namespace VoortgangApi.Tests.OpenData;

public class OpenDataStoreTests : IAsyncLifetime
{
    private readonly TestStorage _storage = new();

    public Task InitializeAsync() => _storage.InitializeAsync();

    public Task DisposeAsync() => _storage.DisposeAsync();

    private IOpenDataStore Store => _storage.Service<IOpenDataStore>();

    [Fact]
    public async Task AVersionedFileIsNeverOverwritten()
    {
        Assert.True(await Store.MaakAanAsync("v1/x/a.txt", Encoding.UTF8.GetBytes("een"), "text/plain", default));

        Assert.False(await Store.MaakAanAsync("v1/x/a.txt", Encoding.UTF8.GetBytes("twee"), "text/plain", default));
        Assert.Equal("een", Encoding.UTF8.GetString((await Store.LeesAsync("v1/x/a.txt", default))!));
    }

    [Fact]
    public async Task IndexIsRewrittenOnlyWhenItsContentChanges()
    {
        Assert.True(await Store.VervangAlsAndersAsync("v1/latest.json", Encoding.UTF8.GetBytes("{\"a\":1}"), "application/json", default));
        Assert.False(await Store.VervangAlsAndersAsync("v1/latest.json", Encoding.UTF8.GetBytes("{\"a\":1}"), "application/json", default));

        Assert.True(await Store.VervangAlsAndersAsync("v1/latest.json", Encoding.UTF8.GetBytes("{\"a\":2}"), "application/json", default));
        Assert.Equal("{\"a\":2}", Encoding.UTF8.GetString((await Store.LeesAsync("v1/latest.json", default))!));
    }
}
