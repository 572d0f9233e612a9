using VoortgangApi.LocalHost;

await LokaleHost.Bouw(args).RunAsync();
