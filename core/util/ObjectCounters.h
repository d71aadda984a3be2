#pragma once
// Live object counters: how many messages the feed models hold, how many text
// layouts the feed views cache, how often feeds were painted. Cheap (relaxed
// atomics), readable from any thread; the app logs them every minute at debug
// level and the benchmarks print them, so unbounded growth shows up.

#include <QString>

#include <array>
#include <atomic>

namespace gd {

class ObjectCounters
{
public:
    enum Counter {
        FeedMessages, // messages held by all FeedModels
        FeedLayouts, // text layouts cached by all FeedViews
        FeedPaints, // FeedView paint events so far
        CounterCount
    };

    static void add(Counter counter, qint64 delta)
    {
        s_values[counter].fetch_add(delta, std::memory_order_relaxed);
    }
    static qint64 value(Counter counter)
    {
        return s_values[counter].load(std::memory_order_relaxed);
    }
    static const char *name(Counter counter)
    {
        static const char *const names[CounterCount]
            = {"feed_messages", "feed_layouts", "feed_paints"};
        return names[counter];
    }
    // "feed_messages=2000 feed_layouts=35 feed_paints=812"
    static QString summary()
    {
        QString text;
        for (int c = 0; c < CounterCount; ++c) {
            if (c > 0)
                text += QLatin1Char(' ');
            text += QLatin1String(name(Counter(c))) + QLatin1Char('=')
                + QString::number(value(Counter(c)));
        }
        return text;
    }

private:
    static inline std::array<std::atomic<qint64>, CounterCount> s_values{};
};

} // namespace gd
