import * as signalR from '@microsoft/signalr';
import type { CaseSnapshot, Notice } from './model';

export type ConnectionState = 'connected' | 'reconnecting' | 'disconnected';

export interface LiveHandlers {
  caseChanged(snapshot: CaseSnapshot): void;
  violated(notice: Notice): void;
  state(state: ConnectionState): void;
  /** After a reconnect the groups are gone: subscribe again and take fresh snapshots. */
  reconnected(): void;
}

/** The hub connection: the key travels as access_token, as browsers cannot set headers on WebSockets. */
export class Live {
  private readonly connection: signalR.HubConnection;

  constructor(key: string, handlers: LiveHandlers) {
    this.connection = new signalR.HubConnectionBuilder()
      .withUrl('hubs/sla', { accessTokenFactory: () => key })
      .withAutomaticReconnect([0, 1000, 2000, 5000, 10000, 10000, 30000])
      .configureLogging(signalR.LogLevel.Warning)
      .build();
    this.connection.on('caseChanged', handlers.caseChanged);
    this.connection.on('milestoneViolated', handlers.violated);
    this.connection.onreconnecting(() => handlers.state('reconnecting'));
    this.connection.onreconnected(() => {
      handlers.state('connected');
      handlers.reconnected();
    });
    this.connection.onclose(() => handlers.state('disconnected'));
  }

  async start(): Promise<void> {
    await this.connection.start();
  }

  async stop(): Promise<void> {
    await this.connection.stop();
  }

  subscribeQueue(queue: string): Promise<CaseSnapshot[]> {
    return this.connection.invoke<CaseSnapshot[]>('SubscribeQueue', queue);
  }

  unsubscribeQueue(queue: string): Promise<void> {
    return this.connection.invoke('UnsubscribeQueue', queue);
  }

  subscribeCase(caseId: string): Promise<CaseSnapshot | null> {
    return this.connection.invoke<CaseSnapshot | null>('SubscribeCase', caseId);
  }

  unsubscribeCase(caseId: string): Promise<void> {
    return this.connection.invoke('UnsubscribeCase', caseId);
  }
}
