#pragma once
// Tells whether a customer message asks something: a question mark, a
// sentence-final 吗/么, question words (怎么, 什么时候, 多久, 哪里, 多少 ...),
// A-not-A forms (能不能, 有没有, 是不是, 去不去 ...), asking phrases (请问,
// 想问一下), minus the uses that are statements (没什么, 不怎么, 什么都, 好几天).
// Word lists come from resources/monitor/question_zh.txt. Immutable; safe from
// many threads.

#include "monitor/Lexicon.h"

#include <memory>

namespace gd {

class QuestionDetector
{
public:
    QuestionDetector(); // the built-in list (or its override)
    explicit QuestionDetector(const Lexicon &lexicon);
    ~QuestionDetector();
    QuestionDetector(QuestionDetector &&) noexcept;
    QuestionDetector &operator=(QuestionDetector &&) noexcept;

    bool isQuestion(QStringView text) const;
    // The cue that decided (e.g. "？", "吗", "能不能"), empty when not a question.
    QString cue(QStringView text) const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace gd
