package dev.lamplighter.broker.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.DefaultEventLoopGroup;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.local.LocalChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The fuzz test's oracles can fail: a leak and an unhandled exception are seen. */
class PipelineWatchTest {
  @Test
  void unreleasedBuffer_isReportedAsALeak() {
    try (PipelineWatch watch = PipelineWatch.install()) {
      leak();
      watch.provokeLeakReports();
      assertThat(watch.leaks()).isNotEmpty();
    }
  }

  @Test
  void exceptionNobodyHandles_isReportedAsEscaped() {
    try (PipelineWatch watch = PipelineWatch.install()) {
      // A real pipeline: an EmbeddedChannel rethrows such exceptions instead of logging them.
      EventLoopGroup group = new DefaultEventLoopGroup(1);
      try {
        Channel channel = new LocalChannel();
        group.register(channel).syncUninterruptibly();
        channel.pipeline().fireExceptionCaught(new IllegalStateException("unhandled"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (watch.escapedExceptions().isEmpty() && System.nanoTime() < deadline) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        channel.close().syncUninterruptibly();
      } finally {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
      }
      assertThat(watch.escapedExceptions())
          .singleElement()
          .asString()
          .contains("IllegalStateException");
    }
  }

  private static void leak() {
    ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(128);
    buffer.writeLong(42);
  }
}
