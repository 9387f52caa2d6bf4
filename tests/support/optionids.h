#pragma once

#include <QString>

// The ids of the built-in catalog's six deployment options, as the tests name them.
namespace ace::test::optionids {

inline const QString ec2 = QStringLiteral("ec2");
inline const QString ecsEc2 = QStringLiteral("ecs-ec2");
inline const QString eksEc2 = QStringLiteral("eks-ec2");
inline const QString ecsFargate = QStringLiteral("ecs-fargate");
inline const QString eksFargate = QStringLiteral("eks-fargate");
inline const QString lambda = QStringLiteral("lambda");

} // namespace ace::test::optionids
