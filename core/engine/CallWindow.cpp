#include "engine/CallWindow.h"

#include <algorithm>
#include <memory>

namespace gd {

CallWindow::CallWindow(int limit)
    : m_limit(std::max(1, limit))
{}

void CallWindow::setLimit(int limit)
{
    m_limit = std::max(1, limit);
    pump();
}

void CallWindow::push(Job job)
{
    m_queue.push_back(std::move(job));
    pump();
}

void CallWindow::clear()
{
    m_queue.clear();
    m_running = 0;
    ++m_epoch;
}

void CallWindow::pump()
{
    if (m_pumping) // a job finished synchronously: the outer loop goes on
        return;
    m_pumping = true;
    while (m_running < m_limit && !m_queue.empty()) {
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_running;
        const quint64 epoch = m_epoch;
        auto called = std::make_shared<bool>(false);
        job([this, epoch, called] {
            if (*called || epoch != m_epoch)
                return;
            *called = true;
            --m_running;
            pump();
        });
    }
    m_pumping = false;
}

} // namespace gd
