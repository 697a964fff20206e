global using Microsoft.AspNetCore.SignalR.Client;
global using MutualAid.Board;
global using MutualAid.Requests;
global using System.Net;
global using System.Net.Http.Json;
