// The public edge, first part: Azure Front Door Standard (profile and endpoint). It exists before the function app,
// which needs its id (the origin lock) and its host name (the public URL in the OpenAPI document and the catalogue).
param profileName string
param endpointName string
param tags object

resource profile 'Microsoft.Cdn/profiles@2024-02-01' = {
  name: profileName
  location: 'global'
  tags: tags
  sku: { name: 'Standard_AzureFrontDoor' }
  properties: {
    // Front Door gives up on an origin answer after this long (the API's slowest call is a publication, well below it).
    originResponseTimeoutSeconds: 60
  }
}

resource endpoint 'Microsoft.Cdn/profiles/afdEndpoints@2024-02-01' = {
  parent: profile
  name: endpointName
  location: 'global'
  tags: tags
  properties: {
    enabledState: 'Enabled'
  }
}

output profileName string = profile.name
output frontDoorId string = profile.properties.frontDoorId
output endpointName string = endpoint.name
output endpointId string = endpoint.id
output hostName string = endpoint.properties.hostName
