#pragma once
// The text of a push: a template with {title}, {price}, {coupon}, {link} and
// {group}; "{{" and "}}" stand for literal braces. A template naming any
// other placeholder is refused when the rule is saved, never sent half
// filled in.

#include "push/Product.h"

#include <QString>
#include <QStringList>

namespace gd {

class PushTemplate
{
public:
    static QStringList placeholders(); // the names known, without braces
    // Empty when the template is usable, otherwise why not (translated).
    static QString problem(const QString &templ);
    static QString render(const QString &templ, const Product &product, const QString &groupName);
};

} // namespace gd
