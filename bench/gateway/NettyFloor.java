import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * A second floor for {@code bench/gateway/run.sh} (target {@code netty}): the same forwarding as
 * {@link VertxFloor} written straight on Netty (the library under Vert.x, same version, epoll
 * transport, one event loop), to tell what Vert.x itself costs above its transport. The request is
 * read whole and sent to a pooled keep-alive upstream connection; the answer's parts go back as
 * they arrive, flushed once per read. Not part of Fulcrum; it runs from source with Fulcrum's own
 * libraries:
 *
 * <pre>java -cp 'fulcrum-gateway/target/lib/*' bench/gateway/NettyFloor.java PORT UPSTREAM_PORT</pre>
 */
public final class NettyFloor {
  private static final AttributeKey<Channel> CLIENT = AttributeKey.valueOf("client");

  private NettyFloor() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: NettyFloor PORT UPSTREAM_PORT");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    int upstreamPort = Integer.parseInt(args[1]);
    EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    ArrayDeque<Channel> idle = new ArrayDeque<>(); // touched only by the one event loop
    Bootstrap upstream = new Bootstrap().group(loop).channel(EpollSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .remoteAddress("127.0.0.1", upstreamPort)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            channel.pipeline().addLast(new HttpClientCodec(), new Back(idle));
          }
        });
    String host = "127.0.0.1:" + upstreamPort;
    new ServerBootstrap().group(loop).channel(EpollServerSocketChannel.class)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel channel) {
            channel.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                new Front(upstream, idle, host));
          }
        })
        .bind("127.0.0.1", port).sync();
    System.out.println("NettyFloor listening on 127.0.0.1:" + port + ", upstream " + host);
  }

  /** Client side: forwards each whole request on an idle (or new) upstream connection. */
  private static final class Front extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Bootstrap upstream;
    private final ArrayDeque<Channel> idle;
    private final String host;

    Front(Bootstrap upstream, ArrayDeque<Channel> idle, String host) {
      this.upstream = upstream;
      this.idle = idle;
      this.host = host;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      FullHttpRequest forward = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST,
          request.uri(), request.content().retain());
      forward.headers()
          .set(HttpHeaderNames.HOST, host)
          .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
          .set(HttpHeaderNames.ACCEPT, "application/json, text/event-stream")
          .set(HttpHeaderNames.CONTENT_LENGTH, forward.content().readableBytes());
      Channel client = ctx.channel();
      Channel pooled = idle.pollLast();
      while (pooled != null && !pooled.isActive()) {
        pooled = idle.pollLast();
      }
      if (pooled != null) {
        send(pooled, client, forward);
        return;
      }
      upstream.connect().addListener(connected -> {
        if (connected.isSuccess()) {
          send(((io.netty.channel.ChannelFuture) connected).channel(), client, forward);
        } else {
          forward.release();
          client.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
              HttpResponseStatus.BAD_GATEWAY, Unpooled.copiedBuffer("upstream unreachable",
              StandardCharsets.UTF_8)));
        }
      });
    }

    private static void send(Channel upstream, Channel client, FullHttpRequest forward) {
      upstream.attr(CLIENT).set(client);
      upstream.writeAndFlush(forward);
    }
  }

  /** Upstream side: relays the answer's parts to the client, then returns to the pool. */
  private static final class Back extends ChannelInboundHandlerAdapter {
    private final ArrayDeque<Channel> idle;

    Back(ArrayDeque<Channel> idle) {
      this.idle = idle;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object part) {
      Channel client = ctx.channel().attr(CLIENT).get();
      client.write(part);
      if (part instanceof LastHttpContent) {
        ctx.channel().attr(CLIENT).set(null);
        idle.addLast(ctx.channel());
        client.flush();
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      Channel client = ctx.channel().attr(CLIENT).get();
      if (client != null) {
        client.flush(); // an event stream's chunks go on as they come
      }
    }
  }
}
