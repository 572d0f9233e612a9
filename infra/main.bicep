// Voortgang API — deployed with `azd up`. Subscription scope: creates the resource group, then everything in it.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('Name of the azd environment; used in resource names and the azd-env-name tag.')
param environmentName string

@minLength(1)
@description('Azure region for all resources.')
param location string

@description('Origins of the public website that may call the API from the browser (CORS).')
param corsAllowedOrigins array = []

@description('NCRONTAB (six fields, UTC) of the timer that takes due snapshots.')
param snapshotSchedule string = '0 0 * * * *'

var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'resources'
  scope: rg
  params: {
    environmentName: environmentName
    location: location
    tags: tags
    corsAllowedOrigins: corsAllowedOrigins
    snapshotSchedule: snapshotSchedule
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = resources.outputs.functionAppName
output SERVICE_API_URI string = resources.outputs.functionAppUri
output AZURE_STORAGE_ACCOUNT_NAME string = resources.outputs.storageAccountName
output OPEN_DATA_BASE_URL string = resources.outputs.openDataBaseUrl
